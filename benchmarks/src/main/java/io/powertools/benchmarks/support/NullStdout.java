package io.powertools.benchmarks.support;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Swaps {@code System.out} for a discarding stream while EMF writers print to it, so both
 * libraries pay for formatting and the (synchronized) PrintStream write but not for a terminal.
 */
public final class NullStdout implements AutoCloseable {

    private final PrintStream previous;

    private NullStdout() {
        previous = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false));
    }

    /**
     * Starts discarding standard output.
     *
     * @return a handle that restores it when closed
     */
    public static NullStdout install() {
        return new NullStdout();
    }

    @Override
    public void close() {
        System.setOut(previous);
    }
}
