package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.InMemoryPersistenceStore;
import io.powertools.testing.FakeContext;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant scoping fails closed: in an execution environment that has seen a tenant, a call that
 * cannot tell its tenant is refused instead of computing a key shared by every tenant.
 */
class TenantSafetyTest {

    private final ExecutionEnvironment env = ExecutionEnvironment.create(Environment.of(Map.of()));
    private final InMemoryPersistenceStore store = new InMemoryPersistenceStore();
    private final Idempotency idempotency = Idempotency.of(IdempotencyConfig.builder().persistenceStore(store)
            .functionName("orders").executionEnvironment(env).build());
    private final ExecutorService userPool = Executors.newSingleThreadExecutor();
    private final AtomicInteger executions = new AtomicInteger();

    @AfterEach
    void stopPool() throws InterruptedException {
        userPool.shutdownNow();
        userPool.awaitTermination(5, TimeUnit.SECONDS);
    }

    private Receipt charge(String who) {
        return new Receipt(who, 1, executions.incrementAndGet());
    }

    private FakeContext tenant(String id) {
        return FakeContext.builder().functionName("orders").tenantId(id).build();
    }

    @Test
    void aCallOnAThreadWithoutTheInvocationIsRefusedInsteadOfGettingAnotherTenantsResult() throws Exception {
        // Tenant A's call stores its result under A's key.
        try (Invocation.Scope a = env.open("order-1", tenant("tenant-a"))) {
            idempotency.call("charge", "order-1", Receipt.class, () -> charge("tenant-a"));
        }
        // Tenant B's handler hands the same work to a pool it did not wrap: the worker has no Invocation.
        try (Invocation.Scope b = env.open("order-1", tenant("tenant-b"))) {
            assertThatThrownBy(() -> get(userPool.submit(() ->
                    idempotency.call("charge", "order-1", Receipt.class, () -> charge("tenant-b")))))
                    .isInstanceOf(IdempotencyKeyException.class)
                    .hasMessageContaining("Refusing idempotent call 'charge'")
                    .hasMessageContaining("tenant-isolated")
                    .hasMessageContaining("Invocation.wrap").hasMessageContaining("Invocation.propagating");
        }
        assertThat(executions).as("B's code never ran, and never got A's receipt").hasValue(1);
        assertThat(store.records()).extracting(IdempotencyRecord::key)
                .allSatisfy(key -> assertThat(key).startsWith("orders.charge#tenant:tenant-a#"));
    }

    @Test
    void theSameWorkHandedOverWithTheInvocationRunsUnderItsOwnTenant() throws Exception {
        try (Invocation.Scope a = env.open("order-2", tenant("tenant-a"))) {
            idempotency.call("charge", "order-2", Receipt.class, () -> charge("tenant-a"));
        }
        ExecutorService propagating = Invocation.propagating(userPool);
        Receipt b;
        try (Invocation.Scope scope = env.open("order-2", tenant("tenant-b"))) {
            b = get(propagating.submit(() -> idempotency.call("charge", "order-2", Receipt.class,
                    () -> charge("tenant-b"))));
        }
        assertThat(b.orderId()).isEqualTo("tenant-b");
        assertThat(executions).hasValue(2);
    }

    @Test
    void anInvocationWithoutATenantInATenantAwareEnvironmentIsRefused() {
        try (Invocation.Scope a = env.open("order-3", tenant("tenant-a"))) {
            idempotency.call("charge", "order-3", Receipt.class, () -> charge("tenant-a"));
        }
        try (Invocation.Scope none = env.open("order-3", FakeContext.builder().functionName("orders").build())) {
            assertThatThrownBy(() -> idempotency.call("charge", "order-3", Receipt.class, () -> charge("nobody")))
                    .isInstanceOf(IdempotencyKeyException.class).hasMessageContaining("whose Context has no tenant id");
        }
        assertThat(executions).hasValue(1);
    }

    @Test
    void anEnvironmentThatNeverSawATenantKeepsUntenantedKeys() {
        assertThat(idempotency.call("charge", "order-4", Receipt.class, () -> charge("plain")).orderId())
                .isEqualTo("plain");
        assertThat(store.records()).singleElement()
                .satisfies(r -> assertThat(r.key()).startsWith("orders.charge#").doesNotContain("tenant:"));
    }

    private static <T> T get(java.util.concurrent.Future<T> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }
}
