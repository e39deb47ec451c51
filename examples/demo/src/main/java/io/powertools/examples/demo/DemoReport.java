package io.powertools.examples.demo;

import java.util.List;

/**
 * What the demo found: the summary per function, samples of what the functions printed, and the
 * checks that prove the counts are exact.
 *
 * @param config the traffic sent
 * @param stats one row per function
 * @param sampleLogLines a few JSON log lines
 * @param sampleEmfBlobs a few EMF blobs
 * @param duplicateLines log lines of duplicates answered from the store
 * @param batchFailures one line per batch that reported failures
 * @param ordersStored items in the orders table
 * @param paymentsStored items in the payments table
 * @param checks the checks, all of which must pass
 */
public record DemoReport(DemoConfig config, List<FunctionStats> stats, List<String> sampleLogLines,
        List<String> sampleEmfBlobs, List<String> duplicateLines, List<String> batchFailures, int ordersStored,
        int paymentsStored, List<Check> checks) {

    /** Whether every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The summary of one function. */
    public FunctionStats stats(String function) {
        return stats.stream().filter(s -> s.function().equals(function)).findFirst().orElseThrow();
    }

    /**
     * One check: an expected count and what was observed.
     *
     * @param what what is counted
     * @param expected the count the traffic implies
     * @param actual the count observed
     */
    public record Check(String what, long expected, long actual) {

        /** Whether the counts match. */
        public boolean passed() {
            return expected == actual;
        }
    }
}
