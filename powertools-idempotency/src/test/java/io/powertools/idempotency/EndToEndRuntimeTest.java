package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.idempotency.e2e.TenantOrderHandler;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Acceptance test through the real Lambda runtime interface client at concurrency 16: several
 * tenants send the same orders, each several times at once and again later. The idempotent
 * handler ({@link TenantOrderHandler}) runs in a child JVM on a table of this JVM's DynamoDB test server.
 * The protected code must run exactly once per (tenant, order), every duplicate must get the
 * stored response of its own tenant's first call, and every record must end COMPLETED.
 */
class EndToEndRuntimeTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final String FUNCTION = "orders";
    private static final String TABLE = "idempotency";
    private static final String COUNTERS = "executions";
    /** Same order ids for every tenant, so only the tenant scope keeps their records apart. */
    private static final List<String> TENANTS = List.of("acme", "globex", "initech", "umbrella#eu");
    private static final int ORDERS = 8;
    /** Copies of each (tenant, order) sent in the concurrent first wave, and later. */
    private static final int CONCURRENT_COPIES = 3;
    private static final int LATER_COPIES = 2;
    private static final int CONCURRENCY = 16;
    private static final Pattern EXECUTED = Pattern.compile(
            Pattern.quote(TenantOrderHandler.EXECUTED) + " tenant=(\\S+) order=(\\S+) request=(\\S+)");

    /** One logical request: who sends which order. */
    private record Order(String tenant, String orderId, int amount) {
        String pair() {
            return tenant + "|" + orderId;
        }
    }

    @Test
    void duplicatesAcrossTenantsRunOnceAndReplayTheirOwnTenantsResponse() {
        DYNAMO.createIdempotencyTable(TABLE);
        DYNAMO.createTable(COUNTERS, "id");

        // First wave: the copies of an order id sit next to each other for all tenants, so the 16
        // handler threads see the same key from several tenants and several copies at once.
        List<InvocationRequest> firstWave = new ArrayList<>();
        List<InvocationRequest> laterWave = new ArrayList<>();
        Map<String, Order> orders = new HashMap<>();
        for (int o = 0; o < ORDERS; o++) {
            for (int copy = 0; copy < CONCURRENT_COPIES + LATER_COPIES; copy++) {
                for (int t = 0; t < TENANTS.size(); t++) {
                    Order order = new Order(TENANTS.get(t), "order-" + o, 100 * (t + 1) + o);
                    String requestId = String.format("%08d-0000-4000-8000-%012d", o, copy * 100 + t);
                    orders.put(requestId, order);
                    InvocationRequest request = InvocationRequest.builder()
                            .requestId(requestId)
                            .tenantId(order.tenant())
                            .payload(Json.write(Map.of("orderId", order.orderId(), "amount", order.amount())))
                            .build();
                    (copy < CONCURRENT_COPIES ? firstWave : laterWave).add(request);
                }
            }
        }
        Collections.shuffle(laterWave, new Random(7));

        List<InvocationResult> results = new ArrayList<>();
        List<String> stdout;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(TenantOrderHandler.class.getName() + "::handleRequest")
                .functionName(FUNCTION)
                .maxConcurrency(CONCURRENCY)
                .environment(TenantOrderHandler.ENDPOINT_VARIABLE, DYNAMO.endpoint().toString())
                .environment(TenantOrderHandler.TABLE_VARIABLE, TABLE)
                .environment(TenantOrderHandler.COUNTER_TABLE_VARIABLE, COUNTERS)
                .invocationTimeout(Duration.ofSeconds(30))
                .start()) {
            results.addAll(runtime.invokeAll(firstWave));
            results.addAll(runtime.invokeAll(laterWave));
            stdout = runtime.stdoutLines();
        }

        // Every invocation answered with a confirmation of its own tenant's order.
        Map<String, Set<JsonNode>> responsesByPair = new HashMap<>();
        Map<String, Set<String>> requestIdsByPair = new HashMap<>();
        for (InvocationResult result : results) {
            String requestId = result.request().requestId();
            Order order = orders.get(requestId);
            assertThat(result.isSuccess()).as("invocation %s: %s", requestId, result.error()).isTrue();
            JsonNode response = Json.parse(result.response());
            assertThat(response.get("tenant").asText()).as("tenant of the response to %s", requestId)
                    .isEqualTo(order.tenant());
            assertThat(response.get("orderId").asText()).isEqualTo(order.orderId());
            assertThat(response.get("amount").asInt()).isEqualTo(order.amount());
            responsesByPair.computeIfAbsent(order.pair(), k -> new HashSet<>()).add(response);
            requestIdsByPair.computeIfAbsent(order.pair(), k -> new HashSet<>()).add(requestId);
        }
        assertThat(results).hasSize(TENANTS.size() * ORDERS * (CONCURRENT_COPIES + LATER_COPIES));

        // All copies of a (tenant, order) got one and the same response: that of the one execution,
        // which was one of this tenant's requests for this order.
        assertThat(responsesByPair).hasSize(TENANTS.size() * ORDERS);
        responsesByPair.forEach((pair, responses) -> {
            assertThat(responses).as("distinct responses for %s", pair).hasSize(1);
            JsonNode response = responses.iterator().next();
            assertThat(response.get("execution").asLong()).as("execution number of %s", pair).isEqualTo(1);
            assertThat(requestIdsByPair.get(pair)).as("requests of %s", pair)
                    .contains(response.get("executedBy").asText());
        });

        // The protected code ran exactly once per (tenant, order): counted in DynamoDB and in its output.
        Map<String, Long> executions = DYNAMO.client().scan(b -> b.tableName(COUNTERS).consistentRead(true))
                .items().stream()
                .collect(Collectors.toMap(i -> i.get("id").s(), i -> Long.parseLong(i.get("executions").n())));
        assertThat(executions).hasSize(TENANTS.size() * ORDERS).containsOnlyKeys(responsesByPair.keySet())
                .allSatisfy((pair, count) -> assertThat(count).as("executions of %s", pair).isEqualTo(1L));
        List<String> executedPairs = new ArrayList<>();
        for (String line : stdout) {
            Matcher matcher = EXECUTED.matcher(line);
            if (matcher.find()) {
                String requestId = matcher.group(3);
                assertThat(orders.get(requestId).pair()).isEqualTo(matcher.group(1) + "|" + matcher.group(2));
                executedPairs.add(matcher.group(1) + "|" + matcher.group(2));
            }
        }
        assertThat(executedPairs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(responsesByPair.keySet());

        // One COMPLETED record per (tenant, order), under the tenant-scoped key, holding that tenant's response.
        List<Map<String, AttributeValue>> records = DYNAMO.client()
                .scan(b -> b.tableName(TABLE).consistentRead(true)).items();
        Map<String, Order> expectedKeys = new HashMap<>();
        orders.values().forEach(order -> expectedKeys.put(FUNCTION + ".handleRequest#tenant:"
                + order.tenant().replace("#", "%23") + "#" + DynamoDbIdempotencyTest.sha256Unchecked(order.orderId()),
                order));
        assertThat(records).extracting(r -> r.get("id").s())
                .containsExactlyInAnyOrderElementsOf(expectedKeys.keySet());
        for (Map<String, AttributeValue> record : records) {
            Order order = expectedKeys.get(record.get("id").s());
            assertThat(record.get("status").s()).as("status of %s", order).isEqualTo("COMPLETED");
            assertThat(Set.of(Json.parse(record.get("data").s()))).as("stored response of %s", order)
                    .isEqualTo(responsesByPair.get(order.pair()));
            assertThat(record.get("validation").s())
                    .isEqualTo(DynamoDbIdempotencyTest.typedSha256(Integer.toString(order.amount())));
        }
    }
}
