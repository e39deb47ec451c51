package io.powertools.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.examples.demo.DemoReport.Check;
import io.powertools.testing.DynamoDbTestServer;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Runs the demo: dynalite (an open-source DynamoDB-compatible server) in a child process, then each function in a child JVM on the real Lambda
 * Java runtime client (through {@link LocalLambdaRuntime}), then counts what came back.
 */
public final class DemoRun {

    static final String ORDERS_FUNCTION = "orders-api";
    static final String PAYMENTS_FUNCTION = "sqs-batch";

    private DemoRun() {
    }

    /** What one function answered and printed. */
    private record FunctionRun(List<InvocationResult> results, List<JsonNode> lines) {
    }

    /**
     * Runs the demo.
     *
     * @param config the traffic to send
     * @param out where progress goes
     * @return the report
     */
    public static DemoReport run(DemoConfig config, PrintStream out) {
        long started = System.nanoTime();
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.start()) {
            for (String table : List.of("orders-idempotency", "payments-idempotency")) {
                dynamo.createTable(table, "id");
            }
            dynamo.createTable("orders", "orderId");
            dynamo.createTable("payments", "paymentId");
            out.printf("[1/3] %s started on %s in %d ms (4 tables)%n",
                    dynamo.isExternal() ? "External DynamoDB endpoint" : "dynalite", dynamo.endpoint(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());

            out.printf("[2/3] %s: %d API Gateway requests (%d orders, %d duplicate deliveries, %d bad requests),"
                    + " %d handler threads in one JVM%n", ORDERS_FUNCTION, config.orderInvocations(), config.orders(),
                    config.duplicateOrders(), config.badRequests(), config.orderConcurrency());
            FunctionRun orders = run(function(dynamo, ORDERS_FUNCTION, "com.example.orders.OrdersHandler::handleRequest")
                    .environment("POWERTOOLS_SERVICE_NAME", "orders")
                    .environment("IDEMPOTENCY_TABLE", "orders-idempotency")
                    .environment("ORDERS_TABLE", "orders")
                    .maxConcurrency(config.orderConcurrency()), Workload.orderRequests(config),
                    config.orderConcurrency(), new Progress(out, ORDERS_FUNCTION, config.orderInvocations()));

            List<InvocationRequest> batches = Workload.batchRequests(config);
            out.printf("[3/3] %s: %d SQS batches (%d messages, %d poison, %d redelivered), %d handler threads%n",
                    PAYMENTS_FUNCTION, batches.size(), config.batches() * config.batchSize()
                            + config.redeliveredMessages(), config.poisonMessages(), config.redeliveredMessages(),
                    config.batchConcurrency());
            FunctionRun payments = run(function(dynamo, PAYMENTS_FUNCTION,
                    "com.example.payments.PaymentsHandler::handleRequest")
                    .environment("POWERTOOLS_SERVICE_NAME", "payments")
                    .environment("IDEMPOTENCY_TABLE", "payments-idempotency")
                    .environment("PAYMENTS_TABLE", "payments")
                    .maxConcurrency(config.batchConcurrency()), batches, config.batchConcurrency(),
                    new Progress(out, PAYMENTS_FUNCTION, batches.size()));

            return report(config, orders, payments, count(dynamo, "orders"), count(dynamo, "payments"));
        }
    }

    private static LocalLambdaRuntime.Builder function(DynamoDbTestServer dynamo, String name, String handler) {
        return LocalLambdaRuntime.builder()
                .handler(handler)
                .functionName(name)
                // Each function jar ships its log4j2.xml (JSON layout); they are identical.
                .jvmArgs("-Dlog4j2.configurationFile=classpath:log4j2.xml")
                .environment("DYNAMODB_ENDPOINT", dynamo.endpoint().toString())
                .invocationTimeout(Duration.ofSeconds(60));
    }

    /** Sends the requests keeping at most {@code window} in flight, so latency is service time. */
    private static FunctionRun run(LocalLambdaRuntime.Builder builder, List<InvocationRequest> requests, int window,
            Progress progress) {
        try (LocalLambdaRuntime runtime = builder.start()) {
            Semaphore inFlight = new Semaphore(window);
            List<CompletableFuture<InvocationResult>> futures = new ArrayList<>();
            for (InvocationRequest request : requests) {
                inFlight.acquireUninterruptibly();
                CompletableFuture<InvocationResult> future = runtime.invoke(request);
                future.whenComplete((result, error) -> {
                    inFlight.release();
                    progress.step();
                });
                futures.add(future);
            }
            List<InvocationResult> results = futures.stream().map(CompletableFuture::join).toList();
            return new FunctionRun(results, jsonLines(runtime.stdoutLines()));
        }
    }

    private static List<JsonNode> jsonLines(List<String> stdout) {
        // The runtime client prints "Starting N concurrent function handler threads." without a newline.
        return stdout.stream().filter(line -> line.indexOf('{') >= 0 && line.endsWith("}"))
                .map(line -> Json.parse(line.substring(line.indexOf('{')))).toList();
    }

    private static int count(DynamoDbTestServer dynamo, String table) {
        return dynamo.client().scan(ScanRequest.builder().tableName(table).build()).count();
    }

    private static DemoReport report(DemoConfig config, FunctionRun orders, FunctionRun payments, int ordersStored,
            int paymentsStored) {
        List<JsonNode> responses = orders.results().stream().filter(InvocationResult::isSuccess)
                .map(result -> Json.parse(result.response())).toList();
        int replayed = (int) responses.stream()
                .filter(r -> "true".equals(r.path("headers").path("Idempotent-Replayed").asText())).count();
        int placed = (int) responses.stream().filter(r -> r.path("statusCode").asInt() == 201).count() - replayed;
        int rejected = (int) responses.stream().filter(r -> r.path("statusCode").asInt() / 100 == 4).count();

        List<String> reportedIds = new ArrayList<>();
        List<String> batchFailures = new ArrayList<>();
        for (InvocationResult result : payments.results()) {
            if (!result.isSuccess()) {
                continue;
            }
            List<String> ids = Json.parse(result.response()).path("batchItemFailures").findValuesAsText("itemIdentifier");
            reportedIds.addAll(ids);
            if (!ids.isEmpty()) {
                batchFailures.add("request " + result.request().requestId() + " reported " + ids + ": "
                        + reasons(payments.lines(), ids));
            }
        }
        Set<String> poison = IntStream.range(0, config.batches()).mapToObj(Workload::poisonId)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> duplicateLines = new ArrayList<>(messages(orders.lines(),
                "Duplicate answered from the idempotency store"));
        List<String> paymentDuplicates = messages(payments.lines(), "Duplicate payment skipped");
        duplicateLines.addAll(paymentDuplicates);

        FunctionStats orderStats = new FunctionStats(ORDERS_FUNCTION, orders.results().size(),
                errors(orders.results()), replayed, rejected, FunctionStats.percentile(orders.results(), 50),
                FunctionStats.percentile(orders.results(), 99));
        FunctionStats paymentStats = new FunctionStats(PAYMENTS_FUNCTION, payments.results().size(),
                errors(payments.results()), paymentDuplicates.size(), reportedIds.size(),
                FunctionStats.percentile(payments.results(), 50), FunctionStats.percentile(payments.results(), 99));

        List<Check> checks = List.of(
                new Check("orders-api: duplicate deliveries answered from the store", config.duplicateOrders(), replayed),
                new Check("orders-api: orders placed (201, not replayed)", config.orders(), placed),
                new Check("orders-api: items in the orders table", config.orders(), ordersStored),
                new Check("orders-api: bad requests answered 400", config.badRequests(), rejected),
                new Check("orders-api: ColdStart metrics (one per JVM)", 1, count(orders.lines(), "ColdStart")),
                new Check("sqs-batch: batch item failures reported", config.poisonMessages(), reportedIds.size()),
                new Check("sqs-batch: reported ids that are poison messages", config.poisonMessages(),
                        reportedIds.stream().filter(poison::contains).distinct().count()),
                new Check("sqs-batch: redelivered payments not charged again", config.redeliveredMessages(),
                        paymentDuplicates.size()),
                new Check("sqs-batch: items in the payments table", config.goodPayments(), paymentsStored),
                new Check("function errors (both functions)", 0, orderStats.functionErrors()
                        + paymentStats.functionErrors()));

        List<JsonNode> all = new ArrayList<>(orders.lines());
        all.addAll(payments.lines());
        return new DemoReport(config, List.of(orderStats, paymentStats), sampleLogLines(all), sampleEmf(all),
                duplicateLines, batchFailures, ordersStored, paymentsStored, checks);
    }

    private static int errors(List<InvocationResult> results) {
        return (int) results.stream().filter(result -> !result.isSuccess()).count();
    }

    private static long count(List<JsonNode> lines, String metric) {
        return lines.stream().filter(line -> line.has("_aws") && line.has(metric)).count();
    }

    private static List<String> messages(List<JsonNode> lines, String message) {
        return lines.stream().filter(line -> message.equals(line.path("message").asText()))
                .map(JsonNode::toString).toList();
    }

    private static String reasons(List<JsonNode> lines, List<String> ids) {
        return lines.stream()
                .filter(line -> ids.contains(line.path("messageId").asText()) && line.has("reason"))
                .map(line -> line.get("reason").asText()).distinct().collect(Collectors.joining("; "));
    }

    private static List<String> sampleLogLines(List<JsonNode> lines) {
        List<String> samples = new ArrayList<>();
        for (String message : List.of("Order placed", "Bad request", "Payment charged",
                "Payment message failed and is reported for retry", "Batch processed")) {
            lines.stream().filter(line -> line.path("message").asText().startsWith(message)).findFirst()
                    .ifPresent(line -> samples.add(line.toString()));
        }
        return samples;
    }

    private static List<String> sampleEmf(List<JsonNode> lines) {
        List<String> samples = new ArrayList<>();
        for (String metric : List.of("ColdStart", "OrderPlaced", "DuplicateOrder", "BatchItemFailures")) {
            lines.stream().filter(line -> line.has("_aws") && line.has(metric)).findFirst()
                    .ifPresent(line -> samples.add(line.toString()));
        }
        return samples;
    }
}
