package com.example.orders;

import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.LocalLambdaRuntime;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Starts this project's function on the real Lambda runtime client, against the DynamoDB test server (dynalite). */
final class LocalFunctions {

    static final String IDEMPOTENCY_TABLE = "idempotency";
    static final String ORDERS_TABLE = "orders";

    private LocalFunctions() {
    }

    /** Creates both tables the function needs (the same keys as in template.yaml). */
    static void createTables(DynamoDbTestServerExtension dynamo) {
        dynamo.createTable(IDEMPOTENCY_TABLE, "id");
        dynamo.createTable(ORDERS_TABLE, "orderId");
    }

    /**
     * A runtime for {@link OrdersHandler} with the function's own log4j2.xml and the environment
     * template.yaml sets, pointing at the test server.
     */
    static LocalLambdaRuntime.Builder ordersFunction(DynamoDbTestServerExtension dynamo) {
        return LocalLambdaRuntime.builder()
                .handler("com.example.orders.OrdersHandler::handleRequest")
                .functionName("orders-api")
                .jvmArgs("-Dlog4j2.configurationFile=classpath:log4j2.xml")
                .environment("POWERTOOLS_SERVICE_NAME", "orders")
                .environment("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE)
                .environment("ORDERS_TABLE", ORDERS_TABLE)
                .environment("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
    }

    /** The number of items in a table. */
    static int count(DynamoDbTestServerExtension dynamo, String table) {
        return dynamo.client().scan(ScanRequest.builder().tableName(table).build()).count();
    }
}
