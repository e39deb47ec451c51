package io.powertools.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.reliability.handlers.FaultHandler;
import io.powertools.reliability.support.Driver;
import io.powertools.reliability.support.Orders;
import io.powertools.reliability.support.Report;
import io.powertools.reliability.support.Tables;
import io.powertools.testing.DynamoDbTestServer;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB goes away in the middle of a run and comes back (dynalite with its tables on disk,
 * {@code --path}, stopped and started again on the same port). While it is away, invocations fail
 * with the documented {@code IdempotencyPersistenceException} and the protected code does not run;
 * once it is back, every record written before the outage is still there, the same function JVM
 * (never restarted) serves again, those records are honoured, and redelivery completes every order.
 *
 * <p>An invocation whose protected code ran but whose completion could not be stored (the outage hit
 * between claim and completion) fails with "Failed to complete" and leaves its record in progress
 * until its in-progress expiry; the documented consequence is that a redelivery after that expiry runs
 * the order again. So: an order runs once, plus at most once per such completion failure, and never
 * again once completed.
 */
class DynamoDbRestartTest {

    private static final String FUNCTION = "outage";
    private static final String TABLE = "outage-idempotency";
    private static final int FIRST_WAVE_ORDERS = 120;
    private static final int OUTAGE_ORDERS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dbPath;

    @Test
    void anOutageFailsInvocationsCleanlyAndEveryOrderCompletesAfterTheRestart() throws Exception {
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.builder().dataDirectory(dbPath).start()) {
            dynamo.createTable(TABLE, "id");
            run(dynamo);
        }
    }

    private void run(DynamoDbTestServer dynamo) throws Exception {
        List<InvocationRequest> firstWave = new ArrayList<>();
        for (int o = 0; o < FIRST_WAVE_ORDERS; o++) {
            firstWave.add(Orders.request("w1", "order-" + o, false, TIMEOUT));
            if (o % 3 == 0) {
                firstWave.add(Orders.request("w1", "order-" + o, false, TIMEOUT)); // a later duplicate
            }
        }
        List<InvocationResult> all = new ArrayList<>();
        List<InvocationResult> outage;
        List<InvocationResult> redelivered;
        List<InvocationResult> duplicatesAfter;
        List<String> stdout;
        Set<String> completedBeforeOutage;
        Map<String, Map<String, AttributeValue>> afterRestart;
        long pidBefore;
        long pidAfter;
        long serverBefore;
        long serverAfter;
        URI endpointBefore = dynamo.endpoint();
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(FaultHandler.class.getName() + "::handleRequest")
                .functionName(FUNCTION)
                .maxConcurrency(8)
                .environment(FaultHandler.ENDPOINT_VARIABLE, dynamo.endpoint().toString())
                .environment(FaultHandler.TABLE_VARIABLE, TABLE)
                .jvmArgs(SoakTest.logConfig())
                .invocationTimeout(TIMEOUT)
                .start()) {
            pidBefore = runtime.childProcess().pid();

            // Wave 1, with DynamoDB stopped once a third of it has been answered.
            AtomicInteger answered = new AtomicInteger();
            CompletableFuture<List<CompletableFuture<InvocationResult>>> wave = CompletableFuture.supplyAsync(
                    () -> Driver.run(runtime, firstWave, 8, index -> answered.incrementAndGet()));
            for (int poll = 0; poll < 1500 && answered.get() < firstWave.size() / 3; poll++) {
                Orders.pause(20);
            }
            serverBefore = dynamo.process().orElseThrow().pid();
            dynamo.stop();
            for (CompletableFuture<InvocationResult> future : wave.get()) {
                all.add(future.join());
            }

            // While it is down: fresh orders and duplicates of wave 1 all fail, none runs.
            List<InvocationRequest> duringOutage = new ArrayList<>();
            for (int o = 0; o < OUTAGE_ORDERS; o++) {
                duringOutage.add(Orders.request("down", "late-" + o, false, TIMEOUT));
                duringOutage.add(Orders.request("down", "order-" + o * 5, false, TIMEOUT));
            }
            outage = Driver.runAll(runtime, duringOutage, 8);
            all.addAll(outage);

            // A success means its record was stored COMPLETED, and nothing is stored while the server
            // is down: these records were written before the stop. Except where the completing write
            // failed after the code ran: the caller still got its result and the library logged
            // "could not be marked COMPLETED" (the documented window), so those are left out.
            Set<String> unstored = windowOrders(runtime.stdoutLines(), all);
            completedBeforeOutage = new HashSet<>();
            all.stream().filter(InvocationResult::isSuccess).map(r -> Orders.orderOf(r.request()))
                    .filter(order -> !unstored.contains(order)).forEach(completedBeforeOutage::add);
            dynamo.restart();
            serverAfter = dynamo.process().orElseThrow().pid();
            afterRestart = Tables.items(dynamo.client(), TABLE);

            // Redelivery of every failed invocation until it succeeds, then one more copy of everything.
            List<String> failed = all.stream().filter(r -> !r.isSuccess())
                    .map(r -> Orders.orderOf(r.request())).toList();
            redelivered = Orders.retryUntilSuccess(runtime, "retry", failed, TIMEOUT, 100);
            all.addAll(redelivered);
            Set<String> orders = new HashSet<>();
            all.forEach(r -> orders.add(Orders.orderOf(r.request())));
            // An order whose completing write failed stays in progress until its deadline: its copy is
            // refused as in progress until then and redelivered, as Lambda would.
            duplicatesAfter = Orders.retryUntilSuccess(runtime, "after", new ArrayList<>(orders), TIMEOUT, 100);
            all.addAll(duplicatesAfter);
            pidAfter = runtime.childProcess().pid();
            assertThat(runtime.childProcess().isAlive()).isTrue();
            stdout = runtime.stdoutLines();
        }

        assertThat(pidAfter).as("the same function JVM served before, during and after the outage")
                .isEqualTo(pidBefore);
        // The restart is a new server process on the same endpoint, with the records of before.
        assertThat(serverAfter).as("dynalite process after the restart").isNotEqualTo(serverBefore);
        assertThat(dynamo.endpoint()).isEqualTo(endpointBefore);
        assertThat(completedBeforeOutage).as("orders completed before the outage").isNotEmpty();
        for (String order : completedBeforeOutage) {
            Map<String, AttributeValue> record = afterRestart.get(Tables.recordKey(FUNCTION, "order", order));
            assertThat(record).as("record of %s after the restart", order).isNotNull();
            assertThat(record.get("status").s()).as("status of %s after the restart", order).isEqualTo("COMPLETED");
        }
        Map<String, List<String>> executions = Orders.executions(stdout);
        Set<String> windows = windowOrders(stdout, all);

        // During the outage: the documented exception, and the protected code never ran.
        for (InvocationResult result : outage) {
            assertThat(result.isSuccess()).as("%s during the outage", result.request().requestId()).isFalse();
            assertThat(result.error().orElseThrow().errorType())
                    .isEqualTo("io.powertools.idempotency.IdempotencyPersistenceException");
            assertThat(executions.values()).as("executions by %s", result.request().requestId())
                    .noneMatch(by -> by.contains(result.request().requestId()));
        }
        // Every error is one the library documents.
        Map<String, Integer> completionFailures = new HashMap<>();
        int failures = 0;
        for (InvocationResult result : all) {
            if (result.isSuccess()) {
                continue;
            }
            failures++;
            String type = result.error().orElseThrow().errorType();
            assertThat(type).as("error of %s", result.request().requestId()).isIn(
                    "io.powertools.idempotency.IdempotencyPersistenceException",
                    "io.powertools.idempotency.IdempotencyAlreadyInProgressException");
            if (result.error().get().errorMessage().startsWith("Failed to complete")) {
                completionFailures.merge(Orders.orderOf(result.request()), 1, Integer::sum);
            }
        }
        // A completing write that failed after the code ran is not an error for the caller: it is
        // retried, then logged at ERROR with the key (and reported to the hook).
        windows.forEach(order -> completionFailures.merge(order, 1, Integer::sum));
        assertThat(failures).as("invocations failed by the outage").isPositive();

        // After the restart: every order completed, every copy after that got the stored result.
        Map<String, Set<JsonNode>> confirmations = new HashMap<>();
        for (InvocationResult result : duplicatesAfter) {
            String order = Orders.orderOf(result.request());
            if (!result.isSuccess()) {
                // Only an order in the documented window is still in progress after the restart.
                assertThat(windows).as("%s after the restart", result).contains(order);
                assertThat(result.error().orElseThrow().errorType())
                        .isEqualTo("io.powertools.idempotency.IdempotencyAlreadyInProgressException");
                continue;
            }
            confirmations.computeIfAbsent(order, k -> new HashSet<>()).add(Json.parse(result.response()));
        }
        for (InvocationResult result : all) {
            if (result.isSuccess() && !windows.contains(Orders.orderOf(result.request()))) {
                String order = Orders.orderOf(result.request());
                assertThat(confirmations.get(order)).as("confirmations of %s", order)
                        .containsExactly(Json.parse(result.response()));
            }
        }
        int orders = confirmations.size();
        assertThat(orders).isEqualTo(FIRST_WAVE_ORDERS + OUTAGE_ORDERS);
        executions.forEach((order, by) -> assertThat(by.size()).as("executions of %s (completion failures: %s)",
                order, completionFailures.getOrDefault(order, 0))
                .isBetween(1, 1 + completionFailures.getOrDefault(order, 0)));
        assertThat(executions).hasSize(orders);
        Map<String, Map<String, AttributeValue>> records = Tables.items(dynamo.client(), TABLE);
        assertThat(records).hasSize(orders).allSatisfy((key, item) ->
                assertThat(item.get("status").s()).isEqualTo("COMPLETED"));

        new Report("faults-dynamodb-restart")
                .put("successful invocations whose record could not be completed (logged, documented window)",
                        windows.size())
                .put("invocations in total", all.size())
                .put("invocations failed by the outage (incl. refused duplicates)", failures)
                .put("invocations sent while DynamoDB was down (all failed, none ran)", outage.size())
                .put("completion failures (documented re-run window)",
                        completionFailures.values().stream().mapToInt(Integer::intValue).sum())
                .put("orders run twice (each explained by a completion failure)",
                        executions.values().stream().filter(by -> by.size() > 1).count())
                .put("records that survived the restart (completed before the outage)", completedBeforeOutage.size())
                .put("orders completed", orders)
                .write();
    }

    /** Orders whose record the library logged as "could not be marked COMPLETED" after the code ran. */
    private static Set<String> windowOrders(List<String> stdout, List<InvocationResult> results) {
        Set<String> windows = new HashSet<>();
        for (InvocationResult result : results) {
            String order = Orders.orderOf(result.request());
            String key = Tables.recordKey(FUNCTION, "order", order);
            if (stdout.stream().anyMatch(line -> line.contains(key) && line.contains("could not be marked COMPLETED"))) {
                windows.add(order);
            }
        }
        return windows;
    }
}
