package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.config.Environment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropagationTest {

    private final ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));
    /** One thread, so every task runs on the same pooled thread the next task sees. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private Optional<Invocation> seenByWorkerNow() throws Exception {
        return worker.submit(Invocation::current).get();
    }

    @Test
    void wrappedRunnableRunsInsideTheInvocationAndLeavesTheWorkerClean() throws Exception {
        AtomicReference<Invocation> seen = new AtomicReference<>();
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            worker.submit(Invocation.wrap((Runnable) () -> seen.set(Invocation.require()))).get();
            assertThat(seen.get()).isSameAs(scope.invocation());
        }
        assertThat(seenByWorkerNow()).isEmpty();
    }

    @Test
    void wrappedCallableAndSupplierRunInsideTheInvocation() throws Exception {
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            Callable<Invocation> callable = Invocation.wrap(Invocation::require);
            Supplier<Invocation> supplier = Invocation.wrapSupplier(Invocation::require);
            assertThat(worker.submit(callable).get()).isSameAs(scope.invocation());
            assertThat(CompletableFuture.supplyAsync(supplier, worker).get()).isSameAs(scope.invocation());
        }
        assertThat(seenByWorkerNow()).isEmpty();
    }

    @Test
    void wrappedTaskThatThrowsStillLeavesTheWorkerClean() throws Exception {
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            Runnable failing = Invocation.wrap((Runnable) () -> {
                throw new IllegalStateException("boom");
            });
            assertThat(worker.submit(failing)).failsWithin(java.time.Duration.ofSeconds(5));
        }
        assertThat(seenByWorkerNow()).isEmpty();
    }

    @Test
    void wrappingOutsideAnInvocationReturnsTheTaskItself() {
        Runnable task = () -> { };
        Callable<String> callable = () -> "x";
        assertThat(Invocation.wrap(task)).isSameAs(task);
        assertThat(Invocation.wrap(callable)).isSameAs(callable);
    }

    @Test
    void propagatingExecutorServiceCapturesTheSubmittersInvocation() throws Exception {
        ExecutorService propagating = Invocation.propagating(worker);
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            assertThat(propagating.submit(Invocation::require).get()).isSameAs(scope.invocation());
            List<Callable<Invocation>> tasks = List.of(Invocation::require, Invocation::require);
            for (var future : propagating.invokeAll(tasks)) {
                assertThat(future.get()).isSameAs(scope.invocation());
            }
            assertThat(propagating.invokeAny(tasks)).isSameAs(scope.invocation());
        }
        assertThat(seenByWorkerNow()).isEmpty();
    }

    @Test
    void propagatingExecutorCapturesTheSubmittersInvocation() throws Exception {
        AtomicReference<Invocation> seen = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            Invocation.propagating((java.util.concurrent.Executor) worker).execute(() -> {
                seen.set(Invocation.require());
                done.complete(null);
            });
            done.get();
            assertThat(seen.get()).isSameAs(scope.invocation());
        }
    }

    @Test
    void runReentersACapturedInvocationAndRestoresTheThread() {
        Invocation captured;
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            captured = scope.invocation();
        }
        AtomicReference<Invocation> seen = new AtomicReference<>();
        captured.run(() -> seen.set(Invocation.require()));
        assertThat(seen.get()).isSameAs(captured);
        assertThat(Invocation.current()).isEmpty();
    }
}
