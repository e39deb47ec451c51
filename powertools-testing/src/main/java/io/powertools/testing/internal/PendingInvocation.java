package io.powertools.testing.internal;

import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * An invocation on its way through the local runtime: queued, then handed to a handler thread by
 * {@code /next}, then answered. Its future completes exactly once, whichever of response, error,
 * timeout or runtime failure comes first.
 */
public final class PendingInvocation {

    private final InvocationRequest request;
    private final Instant deadline;
    private final long queuedNanos = System.nanoTime();
    private final CompletableFuture<InvocationResult> future = new CompletableFuture<>();

    /**
     * Creates a pending invocation queued now.
     *
     * @param request the request to send
     * @param deadline the deadline to send with it
     */
    public PendingInvocation(InvocationRequest request, Instant deadline) {
        this.request = request;
        this.deadline = deadline;
    }

    /**
     * Returns the request.
     *
     * @return the request
     */
    public InvocationRequest request() {
        return request;
    }

    /**
     * Returns the deadline sent to the function.
     *
     * @return the deadline
     */
    public Instant deadline() {
        return deadline;
    }

    /**
     * Returns the {@link System#nanoTime()} at which the invocation was queued.
     *
     * @return the queueing time in nanoseconds
     */
    public long queuedNanos() {
        return queuedNanos;
    }

    /**
     * Returns the future the caller waits on.
     *
     * @return the future
     */
    public CompletableFuture<InvocationResult> future() {
        return future;
    }
}
