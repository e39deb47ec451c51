package com.example.managed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The function as on Lambda Managed Instances: one JVM, 16 handler threads of the real Lambda Java
 * runtime client serving 106 requests. Nothing leaks between concurrent requests: each
 * invoice file is the request's own, each log line names its own order, the shared backend is
 * created once, cold start is reported once, and no temp file is left behind.
 */
class MultiConcurrencyRuntimeTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final int CONCURRENCY = 16;
    private static final int ORDERS = 96;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createTables() {
        DYNAMO.createTable("idempotency", "id");
        DYNAMO.createTable("orders", "orderId");
    }

    @Test
    void concurrentRequestsNeverSeeEachOthersState() throws Exception {
        List<InvocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            requests.add(request(ApiEvents.orderBody("o-mi-" + i, 1 + i % 7)));
            if (i % 10 == 0) {
                requests.add(request(ApiEvents.orderBody("o-mi-" + i, 1 + i % 7))); // a duplicate delivery
            }
        }

        List<InvocationResult> results;
        List<String> stdout;
        try (LocalLambdaRuntime function = LocalLambdaRuntime.builder()
                .handler("com.example.managed.ManagedOrdersHandler::handleRequest")
                .functionName("managed-orders")
                .maxConcurrency(CONCURRENCY)
                .jvmArgs("-Dlog4j2.configurationFile=classpath:log4j2.xml", "-Djava.io.tmpdir=" + tmp)
                .environment("POWERTOOLS_SERVICE_NAME", "orders")
                .environment("IDEMPOTENCY_TABLE", "idempotency")
                .environment("ORDERS_TABLE", "orders")
                .environment("DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString())
                .start()) {
            results = function.invokeAll(requests);
            stdout = function.stdoutLines();
        }

        for (InvocationResult result : results) {
            JsonNode response = Json.parse(result.response());
            assertThat(response.get("statusCode").asInt()).isEqualTo(201);
            JsonNode receipt = Json.parse(response.get("body").asText());
            OrderRequest order = OrderParser.parse(Json.parse(result.request().payload()).get("body").asText());
            // The invoice this request read back from /tmp is the one it wrote: never another request's.
            String expected = Invoices.sha256(Invoices.render(order).getBytes(StandardCharsets.UTF_8));
            assertThat(receipt.get("orderId").asText()).isEqualTo(order.orderId());
            assertThat(receipt.get("invoiceSha256").asText()).isEqualTo(expected);
        }
        assertThat(DYNAMO.client().scan(ScanRequest.builder().tableName("orders").build()).count()).isEqualTo(ORDERS);

        List<JsonNode> lines = stdout.stream().filter(line -> line.indexOf('{') >= 0 && line.endsWith("}"))
                .map(line -> Json.parse(line.substring(line.indexOf('{')))).collect(Collectors.toList());
        assertThat(lines.stream().filter(line -> "Created the shared DynamoDB client and idempotency store"
                .equals(line.path("message").asText()))).hasSize(1);
        assertThat(lines.stream().filter(line -> line.has("ColdStart"))).hasSize(1);
        assertThat(lines.stream().filter(line -> "Duplicate answered from the idempotency store"
                .equals(line.path("message").asText()))).hasSize(requests.size() - ORDERS);
        for (JsonNode line : lines) {
            if (line.has("orderId") && line.has("function_request_id")) {
                String sent = results.stream()
                        .filter(result -> result.request().requestId().equals(line.get("function_request_id").asText()))
                        .map(result -> Json.parse(Json.parse(result.request().payload()).get("body").asText())
                                .get("orderId").asText())
                        .findFirst().orElseThrow();
                assertThat(line.get("orderId").asText()).isEqualTo(sent);
            }
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(path -> path.getFileName().toString().startsWith("powertools-"))).isEmpty();
        }
    }

    private static InvocationRequest request(String body) {
        return InvocationRequest.builder().payload(ApiEvents.postJson(body, "api-" + UUID.randomUUID())).build();
    }
}
