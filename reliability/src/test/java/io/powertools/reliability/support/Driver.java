package io.powertools.reliability.support;

import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * Sends many invocations to a {@link LocalLambdaRuntime} with a bounded number outstanding.
 *
 * <p>Queueing all of them at once would be wrong: the deadline the runtime sends is the queueing
 * time plus the timeout, so requests queued behind thousands of others would start with almost no
 * time left, and idempotency (whose in-progress expiry follows the deadline) would release their
 * records early. A window of about twice the concurrency keeps every handler thread busy while each
 * request starts with its full time.
 */
public final class Driver {

    private Driver() {
    }

    /**
     * Runs the requests with at most {@code window} outstanding.
     *
     * @param onResult called with the index of each completed request (for progress-driven faults)
     * @return one future per request, in request order, all complete
     */
    public static List<CompletableFuture<InvocationResult>> run(LocalLambdaRuntime runtime,
            List<InvocationRequest> requests, int window, IntConsumer onResult) {
        Semaphore slots = new Semaphore(window);
        List<CompletableFuture<InvocationResult>> futures = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            slots.acquireUninterruptibly();
            int index = i;
            CompletableFuture<InvocationResult> future = runtime.invoke(requests.get(i));
            futures.add(future);
            future.whenComplete((result, error) -> {
                slots.release();
                onResult.accept(index);
            });
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return futures;
    }

    /** Runs the requests and returns their results, failing if any got no answer at all. */
    public static List<InvocationResult> runAll(LocalLambdaRuntime runtime, List<InvocationRequest> requests,
            int window) {
        List<InvocationResult> results = new ArrayList<>(requests.size());
        for (CompletableFuture<InvocationResult> future : run(runtime, requests, window, index -> { })) {
            results.add(future.join());
        }
        return results;
    }
}
