package io.powertools.examples.demo;

import io.powertools.testing.InvocationResult;
import java.time.Duration;
import java.util.List;

/**
 * The summary of one function's run.
 *
 * @param function the function
 * @param invocations invocations answered
 * @param functionErrors invocations that ended in a function error
 * @param duplicatesSuppressed duplicates answered from the idempotency store
 * @param failuresReported failures reported to the caller (HTTP 4xx, or SQS batch item failures)
 * @param p50 median latency
 * @param p99 99th percentile latency
 */
public record FunctionStats(String function, int invocations, int functionErrors, int duplicatesSuppressed,
        int failuresReported, Duration p50, Duration p99) {

    static Duration percentile(List<InvocationResult> results, double percentile) {
        List<Duration> sorted = results.stream().map(InvocationResult::latency).sorted().toList();
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
