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
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.LocalRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The function's JVM is killed (SIGKILL) while invocations are inside the protected code, and a new
 * execution environment is started on the same table. Completed orders are replayed and never run
 * again; the orders the killed JVM left in progress are refused while their in-progress expiry
 * (the killed invocation's deadline minus the margin) has not passed, and then run exactly once.
 */
class JvmKillTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final String FUNCTION = "killed";
    private static final int DONE = 30;
    private static final int STUCK = 6;
    /** Short, so the abandoned records become claimable within seconds. */
    private static final Duration STUCK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static LocalLambdaRuntime start() {
        return LocalLambdaRuntime.builder()
                .handler(FaultHandler.class.getName() + "::handleRequest")
                .functionName(FUNCTION)
                .maxConcurrency(8)
                .environment(FaultHandler.ENDPOINT_VARIABLE, DYNAMO.endpoint().toString())
                .environment(FaultHandler.TABLE_VARIABLE, "kill-idempotency")
                .environment(FaultHandler.COUNTER_TABLE_VARIABLE, "kill-executions")
                .jvmArgs(SoakTest.logConfig())
                .start();
    }

    @Test
    void killedInvocationsAreRecoveredAfterTheirInProgressExpiryAndCompletedWorkNeverRunsAgain()
            throws Exception {
        DYNAMO.createTable("kill-idempotency", "id");
        DYNAMO.createTable("kill-executions", "id");
        List<String> done = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        for (int i = 0; i < DONE; i++) {
            done.add("done-" + i);
        }
        for (int i = 0; i < STUCK; i++) {
            stuck.add("stuck-" + i);
        }

        // Environment A: completes some orders, then is killed with others inside the protected code.
        List<InvocationResult> firstResults;
        List<CompletableFuture<InvocationResult>> killed = new ArrayList<>();
        List<String> stdoutA;
        try (LocalLambdaRuntime a = start()) {
            List<InvocationRequest> first = new ArrayList<>();
            done.forEach(order -> first.add(Orders.request("a", order, false, TIMEOUT)));
            firstResults = Driver.runAll(a, first, 16);
            stuck.forEach(order -> killed.add(a.invoke(Orders.request("a", order, true, STUCK_TIMEOUT))));
            for (int poll = 0; poll < 300 && Orders.blocking(a.stdoutLines()).size() < STUCK; poll++) {
                Orders.pause(20);
            }
            assertThat(Orders.blocking(a.stdoutLines())).as("invocations inside the protected code")
                    .containsOnlyKeys(stuck);
            ProcessHandle child = a.childProcess();
            child.destroyForcibly();
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
            for (CompletableFuture<InvocationResult> future : killed) {
                Throwable failure = null;
                try {
                    future.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }
                assertThat(failure).as("the killed invocation's answer").isInstanceOf(LocalRuntimeException.class);
            }
            stdoutA = a.stdoutLines();
        }
        assertThat(firstResults).allSatisfy(r -> assertThat(r.isSuccess()).as("%s", r).isTrue());
        assertThat(Orders.executions(stdoutA)).containsOnlyKeys(done);

        // The killed JVM left its claims behind: in progress, with the expiry its deadline gave them.
        Map<String, Map<String, AttributeValue>> records = Tables.items(DYNAMO.client(), "kill-idempotency");
        Map<String, Instant> expiries = new HashMap<>();
        for (String order : stuck) {
            Map<String, AttributeValue> record = records.get(Tables.recordKey(FUNCTION, "order", order));
            assertThat(record).as("record of %s", order).isNotNull();
            assertThat(record.get("status").s()).isEqualTo("INPROGRESS");
            expiries.put(order, Instant.ofEpochMilli(Long.parseLong(record.get("in_progress_expiration").n())));
        }

        // Environment B: a new JVM on the same table.
        List<InvocationResult> replays;
        List<InvocationResult> recoveries;
        List<InvocationResult> fresh;
        List<String> stdoutB;
        try (LocalLambdaRuntime b = start()) {
            List<InvocationRequest> again = new ArrayList<>();
            done.forEach(order -> again.add(Orders.request("b", order, false, TIMEOUT)));
            replays = Driver.runAll(b, again, 16);
            recoveries = Orders.retryUntilSuccess(b, "b-retry", stuck, TIMEOUT, 100);
            List<InvocationRequest> news = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                news.add(Orders.request("b", "new-" + i, false, TIMEOUT));
            }
            fresh = Driver.runAll(b, news, 16);
            stdoutB = b.stdoutLines();
        }

        // Completed work is replayed, never executed again.
        for (InvocationResult replay : replays) {
            assertThat(replay.isSuccess()).as("%s", replay).isTrue();
            JsonNode confirmation = Json.parse(replay.response());
            assertThat(confirmation.get("executedBy").asText()).as("replay of %s", Orders.orderOf(replay.request()))
                    .startsWith("a-");
            assertThat(confirmation.get("execution").asLong()).isEqualTo(1);
        }
        // Abandoned records: refused while in progress, taken over only after their expiry, run once.
        int refused = 0;
        for (InvocationResult attempt : recoveries) {
            String order = Orders.orderOf(attempt.request());
            Instant answered = attempt.deadline().minus(TIMEOUT).plus(attempt.latency());
            if (!attempt.isSuccess()) {
                assertThat(attempt.error().orElseThrow().errorType())
                        .isEqualTo("io.powertools.idempotency.IdempotencyAlreadyInProgressException");
                refused++;
            } else {
                assertThat(answered).as("recovery of %s answered after the abandoned record's expiry", order)
                        .isAfterOrEqualTo(expiries.get(order));
                assertThat(Json.parse(attempt.response()).get("executedBy").asText()).startsWith("b-retry");
            }
        }
        Map<String, List<String>> executionsB = Orders.executions(stdoutB);
        assertThat(executionsB).containsOnlyKeys(concat(stuck, fresh.stream().map(r -> Orders.orderOf(r.request()))
                .toList()));
        executionsB.forEach((order, by) -> assertThat(by).as("executions of %s in B", order).hasSize(1));
        assertThat(fresh).allSatisfy(r -> assertThat(r.isSuccess()).as("%s", r).isTrue());
        Map<String, Map<String, AttributeValue>> counters = Tables.items(DYNAMO.client(), "kill-executions");
        assertThat(counters).hasSize(DONE + STUCK + fresh.size()).allSatisfy((order, item) ->
                assertThat(item.get("executions").n()).as("executions of %s", order).isEqualTo("1"));
        assertThat(Tables.items(DYNAMO.client(), "kill-idempotency").values())
                .allSatisfy(item -> assertThat(item.get("status").s()).isEqualTo("COMPLETED"));

        new Report("faults-jvm-kill")
                .put("orders completed before the kill (replayed after)", DONE)
                .put("invocations killed inside the protected code", STUCK)
                .put("recovery attempts refused while the record was in progress", refused)
                .put("recovery attempts in total", recoveries.size())
                .put("new orders served by the new environment", fresh.size())
                .write();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
