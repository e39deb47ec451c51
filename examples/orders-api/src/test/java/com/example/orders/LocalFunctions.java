package com.example.orders;

import io.powertools.testing.DynamoDbLocalExtension;
import io.powertools.testing.LocalLambdaRuntime;
import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Starts this project's function on the real Lambda runtime client, against DynamoDB Local. */
final class LocalFunctions {

    static final String IDEMPOTENCY_TABLE = "idempotency";
    static final String ORDERS_TABLE = "orders";

    private LocalFunctions() {
    }

    /** Creates both tables the function needs (the same keys as in template.yaml). */
    static void createTables(DynamoDbLocalExtension dynamo) {
        dynamo.createTable(IDEMPOTENCY_TABLE, "id");
        dynamo.createTable(ORDERS_TABLE, "orderId");
    }

    /**
     * A runtime for {@link OrdersHandler}: the test class path without DynamoDB Local (which ships a
     * log4j2.xml of its own), and the environment template.yaml sets, pointing at DynamoDB Local.
     */
    static LocalLambdaRuntime.Builder ordersFunction(DynamoDbLocalExtension dynamo) {
        return LocalLambdaRuntime.builder()
                .handler("com.example.orders.OrdersHandler::handleRequest")
                .functionName("orders-api")
                .classpath(functionClasspath())
                .jvmArgs("-Dlog4j2.configurationFile=classpath:log4j2.xml")
                .environment("POWERTOOLS_SERVICE_NAME", "orders")
                .environment("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE)
                .environment("ORDERS_TABLE", ORDERS_TABLE)
                .environment("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
    }

    /** The test JVM's class path minus DynamoDB Local, which only the test JVM needs. */
    static String functionClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("DynamoDBLocal"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The number of items in a table. */
    static int count(DynamoDbLocalExtension dynamo, String table) {
        return dynamo.client().scan(ScanRequest.builder().tableName(table).build()).count();
    }
}
