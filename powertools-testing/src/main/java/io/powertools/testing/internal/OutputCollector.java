package io.powertools.testing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains one output stream of the child JVM on a daemon thread and keeps every line. Draining is
 * required anyway: a child whose pipe fills up blocks on its next write.
 */
public final class OutputCollector {

    /** Guards itself and {@link #partial}. */
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final Thread thread;

    /**
     * Starts draining {@code stream}.
     *
     * @param stream the child's stdout or stderr
     * @param name a short name for the thread, e.g. {@code stdout}
     * @param echo where to copy each line (with {@code prefix}), or {@code null} to only keep them
     * @param prefix prefix of echoed lines
     */
    public OutputCollector(InputStream stream, String name, PrintStream echo, String prefix) {
        this.thread = new Thread(() -> drain(stream, echo, prefix), "local-lambda-runtime-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain(InputStream stream, PrintStream echo, String prefix) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) != -1) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        completeLine(echo, prefix);
                    } else {
                        synchronized (lines) {
                            partial.append(buffer[i]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The stream closes when the child is destroyed; what was read so far is kept.
        }
        synchronized (lines) {
            if (partial.length() > 0) {
                completeLine(echo, prefix);
            }
        }
    }

    private void completeLine(PrintStream echo, String prefix) {
        String line;
        synchronized (lines) {
            int end = partial.length();
            if (end > 0 && partial.charAt(end - 1) == '\r') {
                end--;
            }
            line = partial.substring(0, end);
            partial.setLength(0);
            lines.add(line);
        }
        if (echo != null) {
            echo.println(prefix + line);
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
        if (partial.length() == 0) {
            return List.copyOf(complete);
        }
        List<String> copy = new ArrayList<>(complete.size() + 1);
        copy.addAll(complete);
        copy.add(partial.toString());
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
