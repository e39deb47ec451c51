package com.example.orders;

import io.powertools.testing.DynamoDbLocalExtension;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern REQUEST_ID =
            Pattern.compile("\"function_request_id\":\"([^\"]+)\"");

    /**
     * The child's stdout once it holds an EMF blob of every given invocation. The blob is the last
     * thing an invocation writes, but the runtime collects the child's output on another thread:
     * right after the answers arrive, the last lines may not have been read yet.
     */
    static List<String> awaitOutput(LocalLambdaRuntime runtime,
            List<InvocationResult> results) {
        Set<String> expected = results.stream().map(result -> result.request().requestId())
                .collect(Collectors.toSet());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<String> lines = runtime.stdoutLines();
            Set<String> flushed = new HashSet<>();
            for (String line : lines) {
                Matcher matcher = REQUEST_ID.matcher(line);
                if (line.contains("\"_aws\"") && matcher.find()) {
                    flushed.add(matcher.group(1));
                }
            }
            if (flushed.containsAll(expected) || System.nanoTime() > deadline) {
                return lines;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lines;
            }
        }
    }
}
