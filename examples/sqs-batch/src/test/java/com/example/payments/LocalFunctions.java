package com.example.payments;

import io.powertools.testing.DynamoDbLocalExtension;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Starts this project's functions on the real Lambda runtime client, against DynamoDB Local. */
final class LocalFunctions {

    static final String IDEMPOTENCY_TABLE = "idempotency";
    static final String PAYMENTS_TABLE = "payments";

    private LocalFunctions() {
    }

    static void createTables(DynamoDbLocalExtension dynamo) {
        dynamo.createTable(IDEMPOTENCY_TABLE, "id");
        dynamo.createTable(PAYMENTS_TABLE, "paymentId");
    }

    static PaymentProcessor processor(DynamoDbLocalExtension dynamo) {
        return PaymentsApplication.create(new PaymentsSettings(IDEMPOTENCY_TABLE, PAYMENTS_TABLE,
                Optional.of(dynamo.endpoint())));
    }

    /** A runtime for a handler of this project, with the environment template.yaml sets. */
    static LocalLambdaRuntime.Builder function(String handler, DynamoDbLocalExtension dynamo) {
        return LocalLambdaRuntime.builder()
                .handler(handler)
                .functionName("payments")
                .classpath(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> !entry.contains("DynamoDBLocal")) // test JVM only; ships a log4j2.xml
                        .collect(Collectors.joining(File.pathSeparator)))
                .jvmArgs("-Dlog4j2.configurationFile=classpath:log4j2.xml")
                .environment("POWERTOOLS_SERVICE_NAME", "payments")
                .environment("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE)
                .environment("PAYMENTS_TABLE", PAYMENTS_TABLE)
                .environment("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
    }

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
