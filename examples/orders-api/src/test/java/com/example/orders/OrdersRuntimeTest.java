package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.TraceHeaders;
import io.powertools.core.json.Json;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.XRayDaemon;
import io.powertools.testing.XRayTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged function on the real Lambda Java runtime client, 8 invocations at a time, with
 * duplicate deliveries racing their originals: every order is stored once, every duplicate is
 * answered from the store, the logs and EMF blobs carry the right request, and every DynamoDB call
 * is an X-Ray subsegment in its own invocation's trace.
 */
class OrdersRuntimeTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final int ORDERS = 40;
    private static final int DUPLICATES = 10;

    @BeforeAll
    static void createTables() {
        LocalFunctions.createTables(DYNAMO);
    }

    @Test
    void placesEachOrderOnceUnderConcurrencyWithDuplicates() {
        List<InvocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            requests.add(request(ApiEvents.orderBody("o-rt-" + i, 1 + i % 3)));
            if (i % (ORDERS / DUPLICATES) == 0) {
                // The client retried right away: the duplicate races the original.
                requests.add(request(ApiEvents.orderBody("o-rt-" + i, 1 + i % 3)));
            }
        }
        requests.add(request("{\"orderId\":"));

        List<InvocationResult> results;
        List<String> stdout;
        try (XRayDaemon xray = XRayDaemon.start();
                LocalLambdaRuntime function = LocalFunctions.ordersFunction(DYNAMO).maxConcurrency(8)
                        .environment("AWS_XRAY_DAEMON_ADDRESS", xray.address()).start()) {
            results = function.invokeAll(requests);
            stdout = function.stdoutLines();
            // The DynamoDB client's TracingInterceptor: each call is an aws subsegment of its invocation.
            for (InvocationResult result : results) {
                if (Json.parse(result.response()).get("statusCode").asInt() != 201) {
                    continue;
                }
                String header = result.request().traceId();
                XRayTrace trace = xray.awaitTrace(TraceHeaders.root(header), t -> !t.named("DynamoDB").isEmpty()
                        && t.inProgress().isEmpty(), Duration.ofSeconds(10));
                assertThat(trace.orphans(TraceHeaders.parent(header))).isEmpty();
                assertThat(trace.named("DynamoDB")).allSatisfy(call -> {
                    assertThat(call.namespace()).contains("aws");
                    assertThat(call.parentId()).isEqualTo(TraceHeaders.parent(header));
                });
            }
            assertThat(xray.problems()).isEmpty();
            assertThat(xray.traces().keySet()).allSatisfy(root -> assertThat(results.stream()
                    .map(result -> TraceHeaders.root(result.request().traceId()))).contains(root));
        }

        Map<Integer, Long> statuses = results.stream()
                .map(result -> Json.parse(result.response()).get("statusCode").asInt())
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, (long) ORDERS + DUPLICATES, 400, 1L));
        long replayed = results.stream().map(result -> Json.parse(result.response()))
                .filter(response -> response.path("headers").path(ApiResponses.REPLAYED_HEADER).asText().equals("true"))
                .count();
        assertThat(replayed).isEqualTo(DUPLICATES);
        assertThat(LocalFunctions.count(DYNAMO, LocalFunctions.ORDERS_TABLE)).isEqualTo(ORDERS);

        List<JsonNode> lines = jsonLines(stdout);
        List<JsonNode> placed = lines.stream().filter(line -> "Order placed".equals(line.path("message").asText()))
                .collect(Collectors.toList());
        assertThat(placed).hasSize(ORDERS);
        // Each line carries its own request: the orderId key and the request id match the invocation.
        Map<String, String> orderByRequest = results.stream().collect(Collectors.toMap(
                result -> result.request().requestId(),
                result -> Json.parse(result.request().payload()).path("body").asText()));
        for (JsonNode line : placed) {
            String body = orderByRequest.get(line.get("function_request_id").asText());
            assertThat(Json.parse(body).get("orderId").asText()).isEqualTo(line.get("orderId").asText());
            assertThat(line.get("correlation_id").asText()).startsWith("api-");
        }
        assertThat(lines.stream().filter(line -> "Duplicate answered from the idempotency store"
                .equals(line.path("message").asText()))).hasSize(DUPLICATES);
        assertThat(lines.stream().filter(line -> line.has("ColdStart"))).hasSize(1);
        assertThat(lines.stream().filter(line -> line.has("OrderPlaced"))).hasSize(ORDERS);
        assertThat(lines.stream().filter(line -> line.has("DuplicateOrder"))).hasSize(DUPLICATES);
    }

    private static InvocationRequest request(String body) {
        String apiRequestId = "api-" + java.util.UUID.randomUUID();
        return InvocationRequest.builder().payload(ApiEvents.postJson(body, apiRequestId)).build();
    }

    /** The JSON objects the function printed (the runtime client may prefix the first line). */
    static List<JsonNode> jsonLines(List<String> stdout) {
        return stdout.stream()
                .filter(line -> line.indexOf('{') >= 0 && line.endsWith("}"))
                .map(line -> Json.parse(line.substring(line.indexOf('{'))))
                .collect(Collectors.toList());
    }
}
