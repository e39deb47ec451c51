package io.powertools.logging.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The lines one invocation holds back until it fails (or discards when it succeeds). Bounded in
 * bytes: when full, the oldest lines go first and the flush says how many were dropped.
 *
 * <p>The lock is this buffer's own, touched only by the threads of one invocation.
 */
public final class LogBuffer {

    /** Where flushed lines are written. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Writes the held lines.
         *
         * @param events the lines, oldest first
         * @param dropped how many older lines were evicted to respect the byte bound
         * @param maxBytes the bound, for the warning
         */
        void write(List<LogEvent> events, int dropped, long maxBytes);
    }

    private static final int OVERHEAD_BYTES = 256;

    private final long maxBytes;
    private final Sink sink;
    private final ArrayDeque<LogEvent> events = new ArrayDeque<>();
    private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
    private long bytes;
    private int dropped;

    LogBuffer(long maxBytes, Sink sink) {
        this.maxBytes = maxBytes;
        this.sink = sink;
    }

    /**
     * Estimates the bytes a line takes in the output.
     *
     * @param event the line
     * @return the estimate
     */
    public static int estimate(LogEvent event) {
        int size = OVERHEAD_BYTES + event.getMessage().getFormattedMessage().length();
        if (event.getThrown() != null) {
            size += 4096;
        }
        return size;
    }

    /**
     * Holds a line, evicting the oldest ones while the bound is exceeded.
     *
     * @param event an immutable copy of the line
     * @param size its estimated size
     */
    public synchronized void add(LogEvent event, int size) {
        if (size > maxBytes) {
            dropped++;
            return;
        }
        while (bytes + size > maxBytes && !events.isEmpty()) {
            events.removeFirst();
            bytes -= sizes.removeFirst();
            dropped++;
        }
        events.addLast(event);
        sizes.addLast(size);
        bytes += size;
    }

    /** Writes the held lines out and empties the buffer. */
    public void flush() {
        List<LogEvent> out;
        int lost;
        synchronized (this) {
            if (events.isEmpty() && dropped == 0) {
                return;
            }
            out = new ArrayList<>(events);
            lost = dropped;
            events.clear();
            sizes.clear();
            bytes = 0;
            dropped = 0;
        }
        sink.write(out, lost, maxBytes);
    }

    /** Forgets the held lines (the invocation succeeded). */
    public synchronized void discard() {
        events.clear();
        sizes.clear();
        bytes = 0;
        dropped = 0;
    }

    /**
     * Number of lines held.
     *
     * @return the count
     */
    public synchronized int size() {
        return events.size();
    }
}
