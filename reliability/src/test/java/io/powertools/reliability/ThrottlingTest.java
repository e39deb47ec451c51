package io.powertools.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.reliability.handlers.FaultHandler;
import io.powertools.reliability.support.Driver;
import io.powertools.reliability.support.Orders;
import io.powertools.reliability.support.Report;
import io.powertools.reliability.support.Tables;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.FunctionError;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Throttling: every third claim ({@code PutItem}) and read ({@code GetItem}) of the idempotency store
 * fails with {@code ProvisionedThroughputExceededException}, as when DynamoDB throttles a table past
 * the SDK's retries, while concurrent duplicates wait for each other. A throttled invocation must
 * fail with the documented {@code IdempotencyPersistenceException} without running the protected
 * code, and redelivery must end with every order executed exactly once.
 */
class ThrottlingTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final String FUNCTION = "throttled";
    private static final int ORDERS = 60;
    private static final int COPIES = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void throttledClaimsAndReadsFailCleanlyAndRedeliveryRunsEveryOrderOnce() {
        DYNAMO.createTable("throttle-idempotency", "id");
        DYNAMO.createTable("throttle-executions", "id");
        Random random = new Random(7);
        List<List<InvocationRequest>> blocks = new ArrayList<>();
        for (int o = 0; o < ORDERS; o++) {
            List<InvocationRequest> copies = new ArrayList<>();
            for (int c = 0; c < COPIES; c++) {
                copies.add(Orders.request("first", "order-" + o, false, TIMEOUT));
            }
            if (o % 2 == 0) {
                blocks.add(copies); // a burst: concurrent duplicates wait for the first (GetItem polling)
            } else {
                copies.forEach(copy -> blocks.add(List.of(copy)));
            }
        }
        Collections.shuffle(blocks, random);
        List<InvocationRequest> requests = blocks.stream().flatMap(List::stream).toList();

        List<InvocationResult> first;
        List<InvocationResult> retries;
        List<String> stdout;
        boolean aliveAfter;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(FaultHandler.class.getName() + "::handleRequest")
                .functionName(FUNCTION)
                .maxConcurrency(16)
                .environment(FaultHandler.ENDPOINT_VARIABLE, DYNAMO.endpoint().toString())
                .environment(FaultHandler.TABLE_VARIABLE, "throttle-idempotency")
                .environment(FaultHandler.COUNTER_TABLE_VARIABLE, "throttle-executions")
                .environment(FaultHandler.THROTTLE_OPS_VARIABLE, "putItem,getItem")
                .environment(FaultHandler.THROTTLE_EVERY_VARIABLE, "3")
                .environment(FaultHandler.WAIT_VARIABLE, "5000")
                .jvmArgs(SoakTest.logConfig())
                .start()) {
            first = Driver.runAll(runtime, requests, 32);
            List<String> redeliver = first.stream().filter(r -> !r.isSuccess())
                    .map(r -> Orders.orderOf(r.request())).toList();
            retries = Orders.retryUntilSuccess(runtime, "retry", redeliver, TIMEOUT, 50);
            aliveAfter = runtime.childProcess().isAlive();
            stdout = runtime.stdoutLines();
        }

        List<InvocationResult> all = new ArrayList<>(first);
        all.addAll(retries);
        int throttledFailures = 0;
        Map<String, Set<JsonNode>> confirmations = new HashMap<>();
        for (InvocationResult result : all) {
            if (result.isSuccess()) {
                confirmations.computeIfAbsent(Orders.orderOf(result.request()), k -> new HashSet<>())
                        .add(Json.parse(result.response()));
                continue;
            }
            FunctionError error = result.error().orElseThrow();
            assertThat(error.errorType()).as("error of %s", result.request().requestId())
                    .isIn("io.powertools.idempotency.IdempotencyPersistenceException",
                            "io.powertools.idempotency.IdempotencyAlreadyInProgressException");
            if (error.errorType().endsWith("IdempotencyPersistenceException")) {
                // Only a claim or a read was throttled: the protected code never ran for it.
                assertThat(error.errorMessage()).containsAnyOf("Failed to claim", "Failed to read")
                        .contains("Injected");
                throttledFailures++;
            }
        }
        long throttledCalls = stdout.stream().filter(l -> l.contains("throttled ")).count();
        assertThat(throttledCalls).as("throttled DynamoDB calls").isPositive();
        assertThat(throttledFailures).as("invocations failed by throttling").isPositive();

        // Every order executed exactly once, and every successful copy got that one execution's result.
        Map<String, List<String>> executions = Orders.executions(stdout);
        assertThat(executions).hasSize(ORDERS).allSatisfy((order, by) ->
                assertThat(by).as("executions of %s", order).hasSize(1));
        assertThat(confirmations).hasSize(ORDERS).allSatisfy((order, seen) -> {
            assertThat(seen).as("confirmations of %s", order).hasSize(1);
            JsonNode confirmation = seen.iterator().next();
            assertThat(confirmation.get("executedBy").asText()).isEqualTo(executions.get(order).get(0));
            assertThat(confirmation.get("execution").asLong()).isEqualTo(1);
        });
        Map<String, Map<String, AttributeValue>> counters = Tables.items(DYNAMO.client(), "throttle-executions");
        assertThat(counters).hasSize(ORDERS).allSatisfy((order, item) ->
                assertThat(item.get("executions").n()).as("counter of %s", order).isEqualTo("1"));
        Map<String, Map<String, AttributeValue>> records = Tables.items(DYNAMO.client(), "throttle-idempotency");
        assertThat(records).hasSize(ORDERS).allSatisfy((key, item) ->
                assertThat(item.get("status").s()).isEqualTo("COMPLETED"));
        assertThat(aliveAfter).as("the function's JVM kept serving").isTrue();

        new Report("faults-throttling")
                .put("invocations (first delivery + redeliveries)", all.size())
                .put("throttled DynamoDB calls", throttledCalls)
                .put("invocations failed by throttling", throttledFailures)
                .put("orders executed exactly once", ORDERS)
                .write();
    }
}
