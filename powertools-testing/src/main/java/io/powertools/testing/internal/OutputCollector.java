package io.powertools.testing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Drains one output stream of the child JVM on a daemon thread and keeps every line. Draining is
 * required anyway: a child whose pipe fills up blocks on its next write.
 *
 * <p>The thread reads only what {@link InputStream#available()} reports and splits bytes into lines
 * itself (no reader with buffers of its own), so it never sits in a blocking read while data is
 * pending, and {@link #awaitDrained} can tell when everything written so far has become a line.
 * A blocking read happens only once the child has exited, to reach the end of the stream.
 */
public final class OutputCollector {

    /** Pause between polls of an empty pipe: short, so output shows up promptly. */
    private static final long POLL_MILLIS = 2;

    /** Guards itself and {@link #partial}. */
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final InputStream stream;
    private final BooleanSupplier childAlive;
    private final Thread thread;
    /** Incremented each time the thread finds the pipe empty with everything read turned into lines. */
    private final AtomicLong emptyPolls = new AtomicLong();

    /**
     * Starts draining {@code stream}.
     *
     * @param stream the child's stdout or stderr
     * @param childAlive whether the child still runs (after it exits, the stream is read to its end)
     * @param name a short name for the thread, e.g. {@code stdout}
     * @param echo where to copy each line (with {@code prefix}), or {@code null} to only keep them
     * @param prefix prefix of echoed lines
     */
    public OutputCollector(InputStream stream, BooleanSupplier childAlive, String name, PrintStream echo,
            String prefix) {
        this.stream = stream;
        this.childAlive = childAlive;
        this.thread = new Thread(() -> drain(echo, prefix), "local-lambda-runtime-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain(PrintStream echo, String prefix) {
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                int pending = stream.available();
                int read;
                if (pending > 0) {
                    read = stream.read(buffer, 0, Math.min(pending, buffer.length));
                } else if (childAlive.getAsBoolean()) {
                    emptyPolls.incrementAndGet();
                    Thread.sleep(POLL_MILLIS);
                    continue;
                } else {
                    read = stream.read(buffer); // the child is gone: this reaches the end promptly
                }
                if (read == -1) {
                    break;
                }
                split(buffer, read, echo, prefix);
            }
        } catch (IOException e) {
            // The stream closes when the child is destroyed; what was read so far is kept.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            if (partial.size() > 0) {
                completeLine(echo, prefix);
            }
        }
    }

    private void split(byte[] buffer, int read, PrintStream echo, String prefix) {
        int start = 0;
        for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
                synchronized (lines) {
                    partial.write(buffer, start, i - start);
                }
                completeLine(echo, prefix);
                start = i + 1;
            }
        }
        synchronized (lines) {
            partial.write(buffer, start, read - start);
        }
    }

    private void completeLine(PrintStream echo, String prefix) {
        String line;
        synchronized (lines) {
            line = partial.toString(StandardCharsets.UTF_8);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            partial.reset();
            lines.add(line);
        }
        if (echo != null) {
            echo.println(prefix + line);
        }
    }

    /**
     * Waits until every byte the child has written so far has been read and split into lines:
     * the child prints before it answers, so after an answer arrived its output is in the pipe,
     * and this makes it visible. Bounded by {@code timeout}.
     *
     * @param timeout the longest time to wait
     */
    public void awaitDrained(Duration timeout) {
        // Two empty polls that started after this call: everything written before it was consumed.
        long target = emptyPolls.get() + 2;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (thread.isAlive() && emptyPolls.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Returns a snapshot of all lines read so far, including a last line not yet ended by a line
     * break (the runtime client prints some messages without one).
     *
     * @return an immutable copy of the lines
     */
    public List<String> lines() {
        synchronized (lines) {
            return withPartial(lines);
        }
    }

    /**
     * Returns the last {@code count} lines read so far, including an unterminated last line.
     *
     * @param count the maximum number of lines
     * @return an immutable copy of the last lines
     */
    public List<String> tail(int count) {
        synchronized (lines) {
            List<String> all = withPartial(lines);
            return all.subList(Math.max(0, all.size() - count), all.size());
        }
    }

    private List<String> withPartial(List<String> complete) {
        if (partial.size() == 0) {
            return List.copyOf(complete);
        }
        List<String> copy = new ArrayList<>(complete.size() + 1);
        copy.addAll(complete);
        copy.add(partial.toString(StandardCharsets.UTF_8));
        return List.copyOf(copy);
    }

    /**
     * Waits until the stream ended (the child exited and its output was read), at most {@code timeout}.
     *
     * @param timeout the longest time to wait
     */
    public void awaitEnd(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
