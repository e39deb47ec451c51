package io.powertools.examples.demo;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints a progress bar line at every tenth of the work. Thread-safe. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger printedTenths = new AtomicInteger();

    Progress(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void step() {
        int now = done.incrementAndGet();
        int tenths = total == 0 ? 10 : now * 10 / total;
        int printed = printedTenths.get();
        if (tenths > printed && printedTenths.compareAndSet(printed, tenths)) {
            int filled = WIDTH * now / total;
            out.printf("      %-10s [%s%s] %3d%%  %d/%d%n", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                    now * 100 / total, now, total);
        }
    }
}
