package io.powertools.testing.internal;

import io.powertools.testing.LocalRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands queued invocations to the function's {@code /next} long polls, one each, and matches the
 * answers back by request id. Thread-safe: any number of handler threads may poll at once.
 *
 * <p>Once {@link #fail(LocalRuntimeException)} is called (the function failed to initialise, the
 * child JVM exited, or the runtime was closed) every queued, running and later invocation completes
 * exceptionally with that exception, and the polls return {@code null}.
 */
public final class InvocationQueue {

    /** How often a waiting poll re-checks for failure, so it never outlives the runtime for long. */
    private static final long POLL_SLICE_MILLIS = 100;

    private final BlockingQueue<PendingInvocation> queued = new LinkedBlockingQueue<>();
    /** Queued and running invocations by request id; an entry leaves when its future completes. */
    private final ConcurrentMap<String, PendingInvocation> unanswered = new ConcurrentHashMap<>();
    private final AtomicReference<LocalRuntimeException> failure = new AtomicReference<>();
    private final CountDownLatch firstPoll = new CountDownLatch(1);

    /**
     * Queues an invocation, or fails it at once if the runtime has already failed or another
     * unanswered invocation has the same request id.
     *
     * @param invocation the invocation to queue
     */
    public void submit(PendingInvocation invocation) {
        String requestId = invocation.request().requestId();
        LocalRuntimeException failed = failure.get();
        if (failed != null) {
            invocation.future().completeExceptionally(failed);
            return;
        }
        if (unanswered.putIfAbsent(requestId, invocation) != null) {
            invocation.future().completeExceptionally(new IllegalArgumentException("Request id " + requestId
                    + " is already queued or running on this runtime; give each invocation a unique request id"));
            return;
        }
        invocation.future().whenComplete((result, error) -> unanswered.remove(requestId, invocation));
        queued.add(invocation);
        // A failure that raced with this submit may have drained the queue before the add.
        failed = failure.get();
        if (failed != null) {
            failAll(failed);
        }
    }

    /**
     * Waits for the next invocation to hand to a polling handler thread.
     *
     * @return the invocation, or {@code null} once the runtime has failed or closed
     * @throws InterruptedException if the polling thread is interrupted
     */
    public PendingInvocation next() throws InterruptedException {
        firstPoll.countDown();
        while (failure.get() == null) {
            PendingInvocation invocation = queued.poll(POLL_SLICE_MILLIS, TimeUnit.MILLISECONDS);
            // Skip invocations that timed out while queued.
            if (invocation != null && !invocation.future().isDone()) {
                return invocation;
            }
        }
        return null;
    }

    /**
     * Finds the unanswered invocation with the given request id.
     *
     * @param requestId the request id from the response path
     * @return the invocation, or {@code null} if it is unknown or already completed (e.g. timed out)
     */
    public PendingInvocation unanswered(String requestId) {
        return unanswered.get(requestId);
    }

    /**
     * Waits until the function polled {@code /next} for the first time or the runtime failed.
     *
     * @param timeout the longest time to wait
     * @return {@code true} if the function polled, {@code false} on timeout or failure
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitFirstPoll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failure.get() == null) {
            if (firstPoll.await(POLL_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Tells whether the function has polled {@code /next} at least once, i.e. finished its init.
     *
     * @return {@code true} after the first poll
     */
    public boolean polled() {
        return firstPoll.getCount() == 0;
    }

    /**
     * Returns the failure that ended this queue, if any.
     *
     * @return the failure, or {@code null} while the runtime is healthy
     */
    public LocalRuntimeException failure() {
        return failure.get();
    }

    /**
     * Ends the queue: the first call wins, later calls are ignored. Fails every unanswered invocation.
     *
     * @param cause the exception every unanswered and later invocation completes with
     * @return {@code true} if this call ended the queue
     */
    public boolean fail(LocalRuntimeException cause) {
        boolean first = failure.compareAndSet(null, cause);
        failAll(failure.get());
        return first;
    }

    private void failAll(LocalRuntimeException cause) {
        queued.clear();
        List<PendingInvocation> victims = new ArrayList<>(unanswered.values());
        for (PendingInvocation invocation : victims) {
            invocation.future().completeExceptionally(cause);
        }
    }
}
