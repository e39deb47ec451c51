package io.powertools.benchmarks.harness;

import io.powertools.benchmarks.handlers.PrimedOrderHandler;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The correctness checks of every priming run; a violation fails the run with
 * {@link IllegalStateException}. They make sure the timed invocation is what it claims to be:
 * priming ran (or was off), wrote no idempotency record, emitted no EMF line and no log line of a
 * priming invocation, and the first invocation really executed (its own record, not a replay).
 */
final class PrimingChecks {

    private final DynamoDbClient dynamo;
    private final String table;
    /** Order ids of the real invocations so far: the only records the table may hold. */
    private final List<String> realOrders = new ArrayList<>();
    private int runs;
    private int verified;

    PrimingChecks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Checks one run.
     *
     * @param key the variant key, for messages
     * @param primed whether priming was on
     * @param orderId the fresh key of the first invocation
     * @param answer the first invocation's result
     * @param runtime the child (still running)
     * @param beforeFirstInvocation what the child printed up to its first poll (init, hooks, restore)
     */
    void verify(String key, boolean primed, String orderId, InvocationResult answer, LocalLambdaRuntime runtime,
            List<String> beforeFirstInvocation) {
        String run = key + " run " + (++runs) + " (" + orderId + ")";
        require(answer.response().contains("accepted " + orderId), run, "the first invocation answered "
                + answer.response());
        require(runtime.restoreCount() == 1, run, "the child restored " + runtime.restoreCount() + " times, not once");
        String summary = "SnapStart priming done";
        boolean primingRan = beforeFirstInvocation.stream().anyMatch(line -> line.contains(summary)
                && line.contains(PrimedOrderHandler.PRIMING_RUNS + " priming invocations"));
        boolean anyPriming = beforeFirstInvocation.stream().anyMatch(line -> line.contains(summary));
        require(primed ? primingRan : !anyPriming, run, primed
                ? "no '" + summary + ": ... " + PrimedOrderHandler.PRIMING_RUNS + " priming invocations' line before"
                        + " the first invocation"
                : "priming ran although it was switched off");
        require(beforeFirstInvocation.stream().noneMatch(PrimingChecks::isEmf), run,
                "an EMF line was printed before the first invocation (during priming)");
        List<String> all = runtime.stdoutLines();
        require(all.stream().noneMatch(line -> line.contains("snapstart-priming")), run,
                "a line of a priming invocation was printed");
        require(all.stream().anyMatch(line -> isEmf(line) && line.contains("OrderPlaced")), run,
                "the first invocation's EMF line is missing");
        realOrders.add(orderId);
        verifyRecords(run, orderId);
        verified++;
    }

    /**
     * How many runs passed every check.
     *
     * @return the number of verified runs
     */
    int verifiedRuns() {
        return verified;
    }

    private void verifyRecords(String run, String orderId) {
        List<Map<String, AttributeValue>> items = dynamo.scan(ScanRequest.builder().tableName(table).build()).items();
        require(items.size() == realOrders.size(), run, "the table holds " + items.size()
                + " idempotency records but only " + realOrders.size() + " real invocations ran: priming wrote records");
        require(items.stream().anyMatch(item -> "COMPLETED".equals(text(item, "status"))
                && text(item, "data").contains(orderId)), run, "no COMPLETED record holds the first invocation's"
                + " response: it did not execute");
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static boolean isEmf(String line) {
        return line.contains("\"_aws\"");
    }

    private static void require(boolean condition, String run, String violation) {
        if (!condition) {
            throw new IllegalStateException("Priming benchmark, " + run + ": " + violation);
        }
    }
}
