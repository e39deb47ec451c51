package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.config.Environment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InvocationLocalTest {

    private final ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));

    @Test
    void eachInvocationHasItsOwnValue() {
        InvocationLocal<List<String>> audit = InvocationLocal.withInitial("audit", CopyOnWriteArrayList::new);
        try (Invocation.Scope first = environment.open("e", TestContext.random())) {
            audit.get().add("first");
            try (Invocation.Scope second = environment.open("e", TestContext.random())) {
                assertThat(audit.get()).isEmpty();
                audit.get().add("second");
                assertThat(audit.get(first.invocation())).containsExactly("first");
            }
            assertThat(audit.get()).containsExactly("first");
        }
    }

    @Test
    void workersOfOneInvocationShareOneInitialValue() throws Exception {
        AtomicInteger created = new AtomicInteger();
        InvocationLocal<AtomicInteger> counter = InvocationLocal.withInitial("counter", () -> {
            created.incrementAndGet();
            return new AtomicInteger();
        });
        ExecutorService pool = Invocation.propagating(Executors.newFixedThreadPool(8));
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> counter.get().incrementAndGet()));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            assertThat(counter.get().get()).isEqualTo(200);
            assertThat(created).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findDoesNotCreateAndIsEmptyOutsideAnInvocation() {
        InvocationLocal<String> local = InvocationLocal.withInitial("x", () -> "created");
        assertThat(local.find()).isEmpty();
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            assertThat(local.find()).isEmpty();
            assertThat(local.get()).isEqualTo("created");
            assertThat(local.find()).contains("created");
            local.remove();
            assertThat(local.find()).isEmpty();
        }
    }

    @Test
    void getWithoutValueOrInitialNamesTheSlot() {
        InvocationLocal<String> local = InvocationLocal.of("user-id");
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            assertThatThrownBy(local::get)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'user-id' has no value");
        }
    }

    @Test
    void getOutsideAnInvocationFailsClearly() {
        InvocationLocal<String> local = InvocationLocal.withInitial("x", () -> "v");
        assertThatThrownBy(local::get).hasMessageContaining("No Invocation is open");
    }
}
