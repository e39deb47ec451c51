package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import io.powertools.core.InvocationLocal;
import io.powertools.core.TraceHeaders;

/**
 * Everything logging keeps for one invocation: temporary keys, correlation id, the sampling
 * decision, the buffer. It lives in the {@link Invocation} (never in a thread-local), so worker
 * threads of the invocation see it and it disappears when the invocation closes.
 *
 * <p>Fields are volatile and keys are copy-on-write: the layout reads them on every line without
 * locking; writers synchronise on this object, which only this invocation's threads touch.
 */
public final class LogState {

    private static final InvocationLocal<LogState> SLOT =
            InvocationLocal.withInitial("powertools-logging", LogState::new);

    private volatile KeyValues keys = KeyValues.EMPTY;
    private volatile String correlationId;
    private volatile boolean sampled;
    private volatile double samplingRate;
    private volatile boolean decorated;
    private volatile boolean errorLogged;
    private volatile LogBuffer buffer;
    private volatile String traceRoot;

    private LogState() {
    }

    /**
     * The state of an invocation, created on first use.
     *
     * @param invocation the invocation
     * @return its state
     */
    public static LogState of(Invocation invocation) {
        return SLOT.get(invocation);
    }

    /**
     * The state of the calling thread's invocation.
     *
     * @return the state, or null outside an invocation
     */
    public static LogState current() {
        Invocation invocation = Invocation.currentOrNull();
        return invocation == null ? null : SLOT.get(invocation);
    }

    /**
     * The temporary keys.
     *
     * @return the keys
     */
    public KeyValues keys() {
        return keys;
    }

    /**
     * Adds or replaces a temporary key.
     *
     * @param key the key
     * @param value the normalised value
     */
    public synchronized void putKey(String key, Object value) {
        keys = keys.with(key, value);
    }

    /**
     * Removes a temporary key.
     *
     * @param key the key
     */
    public synchronized void removeKey(String key) {
        keys = keys.without(key);
    }

    /** Removes all temporary keys. */
    public synchronized void clearKeys() {
        keys = KeyValues.EMPTY;
    }

    /**
     * The correlation id.
     *
     * @return the id, or null
     */
    public String correlationId() {
        return correlationId;
    }

    /**
     * Sets the correlation id.
     *
     * @param correlationId the id; null removes it
     */
    public void correlationId(String correlationId) {
        this.correlationId = correlationId;
    }

    /**
     * Whether this invocation logs DEBUG because it was sampled.
     *
     * @return true when sampled
     */
    public boolean isSampled() {
        return sampled;
    }

    /**
     * The sampling rate that applied to this invocation.
     *
     * @return the rate, 0 when sampling is off
     */
    public double samplingRate() {
        return samplingRate;
    }

    /**
     * Records the sampling decision.
     *
     * @param rate the rate that applied
     * @param sampled whether this invocation was sampled
     */
    public void sampling(double rate, boolean sampled) {
        this.samplingRate = rate;
        this.sampled = sampled;
    }

    /**
     * Marks the invocation as handled by a logging decorator, so nested decorators stay passive.
     *
     * @return true for the first caller only
     */
    public synchronized boolean claimDecoration() {
        if (decorated) {
            return false;
        }
        decorated = true;
        return true;
    }

    /**
     * Marks an uncaught exception as logged, so it is logged once however many layers see it.
     *
     * @return true for the first caller only
     */
    public synchronized boolean claimErrorLog() {
        if (errorLogged) {
            return false;
        }
        errorLogged = true;
        return true;
    }

    /**
     * The buffer, when buffering is on for this invocation.
     *
     * @return the buffer, or null
     */
    public LogBuffer buffer() {
        return buffer;
    }

    /**
     * The buffer, created with the given settings on first use.
     *
     * @param maxBytes the byte bound
     * @param sink where flushed lines go
     * @return the buffer
     */
    public LogBuffer buffer(long maxBytes, LogBuffer.Sink sink) {
        LogBuffer current = buffer;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (buffer == null) {
                buffer = new LogBuffer(maxBytes, sink);
            }
            return buffer;
        }
    }

    /**
     * The root of the X-Ray trace header ({@code 1-5759e988-bd862e3fe1be46a994272793}), as
     * Powertools users query it; computed once per invocation.
     *
     * @param invocation the invocation this state belongs to
     * @return the root, or null when tracing is off
     */
    public String traceRoot(Invocation invocation) {
        String root = traceRoot;
        if (root == null) {
            root = TraceHeaders.root(invocation.traceId().orElse(null));
            traceRoot = root == null ? "" : root;
        }
        return root == null || root.isEmpty() ? null : root;
    }
}
