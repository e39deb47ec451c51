package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 64 handler threads run 1,000 invocations each, every invocation fanning work out to a shared
 * worker pool (as batch processing and user executors do). No worker may ever observe another
 * request's invocation, and no pooled thread may keep one afterwards.
 */
class InvocationStressTest {

    private static final int HANDLER_THREADS = 64;
    private static final int INVOCATIONS_PER_THREAD = 1_000;
    private static final int WORKER_THREADS = 8;
    private static final InvocationLocal<String> REQUEST_MARK = InvocationLocal.of("request-mark");

    @Test
    void workersNeverSeeAnotherRequestsInvocationAndPooledThreadsEndClean() throws Exception {
        ExecutionEnvironment environment = ExecutionEnvironment.create(
                Environment.of(Map.of("AWS_LAMBDA_MAX_CONCURRENCY", String.valueOf(HANDLER_THREADS))));
        ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS);
        ExecutorService rawWorkers = Executors.newFixedThreadPool(WORKER_THREADS);
        ExecutorService workers = Invocation.propagating(rawWorkers);
        Queue<String> mismatches = new ConcurrentLinkedQueue<>();
        AtomicInteger coldStarts = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < HANDLER_THREADS; t++) {
                loops.add(handlers.submit(() -> {
                    for (int i = 0; i < INVOCATIONS_PER_THREAD; i++) {
                        TestContext context = TestContext.random();
                        try (Invocation.Scope scope = environment.open("event", context)) {
                            if (scope.invocation().isColdStart()) {
                                coldStarts.incrementAndGet();
                            }
                            REQUEST_MARK.set(context.requestId());
                            Future<?> viaExecutor = workers.submit(() -> check(context, mismatches, checks));
                            Runnable wrapped = Invocation.wrap((Runnable) () -> check(context, mismatches, checks));
                            Future<?> viaWrap = rawWorkers.submit(wrapped);
                            check(context, mismatches, checks);
                            viaExecutor.get();
                            viaWrap.get();
                        }
                        if (Invocation.current().isPresent()) {
                            mismatches.add("handler thread kept an invocation after close");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get(5, TimeUnit.MINUTES);
            }

            assertThat(mismatches).isEmpty();
            assertThat(checks).hasValue(HANDLER_THREADS * INVOCATIONS_PER_THREAD * 3);
            assertThat(coldStarts).hasValue(1);
            assertThat(invocationsLeftOn(rawWorkers, WORKER_THREADS)).containsOnly(Optional.empty());
            assertThat(invocationsLeftOn(handlers, HANDLER_THREADS)).containsOnly(Optional.empty());
        } finally {
            handlers.shutdownNow();
            rawWorkers.shutdownNow();
        }
    }

    private static void check(TestContext expected, Queue<String> mismatches, AtomicInteger checks) {
        Invocation seen = Invocation.require();
        if (!expected.requestId().equals(seen.requestId())
                || !expected.requestId().equals(REQUEST_MARK.get(seen))
                || !expected.traceId().equals(seen.traceId().orElse(null))) {
            mismatches.add("expected " + expected.requestId() + " but saw " + seen);
        }
        checks.incrementAndGet();
    }

    /** Runs one probe on every thread of a fixed pool (a barrier keeps each thread busy with one). */
    private static List<Optional<Invocation>> invocationsLeftOn(ExecutorService pool, int threads) throws Exception {
        CyclicBarrier allThreads = new CyclicBarrier(threads);
        CountDownLatch done = new CountDownLatch(threads);
        Queue<Optional<Invocation>> seen = new ConcurrentLinkedQueue<>();
        Queue<String> names = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    allThreads.await(1, TimeUnit.MINUTES);
                    seen.add(Invocation.current());
                    names.add(Thread.currentThread().getName());
                } catch (Exception e) {
                    seen.add(Optional.empty());
                    names.add("failed: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(2, TimeUnit.MINUTES)).isTrue();
        assertThat(names).doesNotHaveDuplicates().hasSize(threads);
        return new ArrayList<>(seen);
    }
}
