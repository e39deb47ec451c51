package io.powertools.core.internal;

import java.util.Map;
import org.slf4j.MDC;

/**
 * Saves the calling thread's diagnostic context (SLF4J {@link MDC}, which is Log4j2's
 * {@code ThreadContext} behind log4j-slf4j2-impl, SLF4J fluent key-values included) before an
 * invocation runs on it, and puts it back afterwards, so entries written during one invocation
 * never appear in the lines of the next one on the same pooled thread.
 *
 * <p>Why here and not in logging: the Lambda runtime client runs handler threads in a pool
 * (N threads under Lambda Managed Instances), and the MDC is a plain thread-local that Log4j
 * never clears; every module that opens an invocation must leave the thread as it found it.
 *
 * <p>Cost: one copy of the context map when the invocation opens and one restore when it
 * closes, per invocation (never per log line). Without an SLF4J provider the MDC is a no-op and so
 * is this guard.
 */
public final class ThreadContextGuard {

    /** Whether slf4j-api is on the class path at all (it is a dependency, but may be excluded). */
    private static final boolean AVAILABLE = slf4jPresent();

    /** What a thread with an empty context saves: restoring it clears the context. */
    private static final Object EMPTY = new Object();

    private ThreadContextGuard() {
    }

    /**
     * The calling thread's context, to hand back to {@link #restore(Object)} on the same thread.
     *
     * @return an opaque snapshot; never null
     */
    public static Object save() {
        if (!AVAILABLE) {
            return EMPTY;
        }
        Map<String, String> copy = MDC.getCopyOfContextMap();
        return copy == null || copy.isEmpty() ? EMPTY : copy;
    }

    /**
     * Makes the calling thread's context exactly what {@link #save()} returned: entries added
     * since are removed, entries removed or replaced since are put back.
     *
     * @param saved what {@link #save()} returned on this thread
     */
    @SuppressWarnings("unchecked")
    public static void restore(Object saved) {
        if (!AVAILABLE) {
            return;
        }
        if (saved == EMPTY) {
            MDC.clear();
        } else {
            MDC.setContextMap((Map<String, String>) saved);
        }
    }

    private static boolean slf4jPresent() {
        try {
            Class.forName("org.slf4j.MDC", false, ThreadContextGuard.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
