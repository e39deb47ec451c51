package io.powertools.examples.demo;

import io.powertools.examples.demo.DemoReport.Check;
import java.io.PrintStream;
import java.util.List;

/** Prints a {@link DemoReport}: samples first, then the summary table and the checks. */
public final class ReportPrinter {

    private static final int MAX_LINE = 700;
    private static final int SHOWN = 3;

    private ReportPrinter() {
    }

    /**
     * Prints the report.
     *
     * @param report the report
     * @param out where to print
     */
    public static void print(DemoReport report, PrintStream out) {
        section(out, "Sample log lines (JSON, one object per line, Lambda context on each)", report.sampleLogLines());
        section(out, "Sample EMF blobs (CloudWatch turns these into metrics)", report.sampleEmfBlobs());
        out.printf("%n== Duplicates answered from the idempotency store: %d (%s; first %d shown) ==%n",
                report.duplicateLines().size(), report.stats().stream()
                        .map(s -> s.function() + " " + s.duplicatesSuppressed())
                        .collect(java.util.stream.Collectors.joining(", ")),
                Math.min(SHOWN, report.duplicateLines().size()));
        report.duplicateLines().stream().limit(SHOWN).forEach(line -> out.println(cut(line)));
        out.printf("%n== Batch failures reported to SQS: %d batches (first %d shown) ==%n",
                report.batchFailures().size(), Math.min(SHOWN, report.batchFailures().size()));
        report.batchFailures().stream().limit(SHOWN).forEach(line -> out.println(cut(line)));

        out.printf("%n== Summary ==%n");
        String row = "| %-10s | %11s | %15s | %20s | %17s | %8s | %8s |%n";
        String rule = "+" + "-".repeat(12) + "+" + "-".repeat(13) + "+" + "-".repeat(17) + "+" + "-".repeat(22)
                + "+" + "-".repeat(19) + "+" + "-".repeat(10) + "+" + "-".repeat(10) + "+";
        out.println(rule);
        out.printf(row, "function", "invocations", "function errors", "duplicates suppressed", "failures reported",
                "p50 ms", "p99 ms");
        out.println(rule);
        for (FunctionStats stats : report.stats()) {
            out.printf(row, stats.function(), stats.invocations(), stats.functionErrors(), stats.duplicatesSuppressed(),
                    stats.failuresReported(), stats.p50().toMillis(), stats.p99().toMillis());
        }
        out.println(rule);
        out.println("failures reported: orders-api = HTTP 4xx answers; sqs-batch = batchItemFailures (poison messages)");
        out.printf("stored: %d orders, %d payments%n", report.ordersStored(), report.paymentsStored());

        out.printf("%n== Checks ==%n");
        for (Check check : report.checks()) {
            out.printf("  [%s] %-58s expected %5d, got %5d%n", check.passed() ? " OK " : "FAIL", check.what(),
                    check.expected(), check.actual());
        }
        out.println(report.passed() ? "All checks passed." : "SOME CHECKS FAILED.");
    }

    private static void section(PrintStream out, String title, List<String> lines) {
        out.printf("%n== %s ==%n", title);
        lines.forEach(line -> out.println(cut(line)));
    }

    private static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + " ...";
    }
}
