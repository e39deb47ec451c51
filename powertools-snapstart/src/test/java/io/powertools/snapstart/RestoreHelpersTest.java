package io.powertools.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.snapstart.fixtures.InitTimeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RestoreHelpersTest {

    private final SnapStart snapStart = SnapStart.builder().executionEnvironment(CracHooksTest.snapStartEnvironment())
            .discoverLibraries(false).build();

    @Test
    void restoreScopedValueIsRecreatedAtItsFirstUseAfterRestore() throws Exception {
        RestoreScoped<String> id = snapStart.restoreScoped("environment id", () -> UUID.randomUUID().toString());
        String atInit = id.get();
        assertThat(id.get()).isSameAs(atInit);

        snapStart.runAfterRestore();

        assertThat(id.isInitialized()).as("lazy: nothing created during the restore").isFalse();
        assertThat(id.get()).isNotEqualTo(atInit);
    }

    @Test
    void restoreScopedClientIsClosedAndEagerOneIsReadyBeforeTheFirstInvocation() throws Exception {
        List<String> events = new ArrayList<>();
        AtomicInteger created = new AtomicInteger();
        RestoreScoped<AutoCloseable> client = snapStart.restoreScopedEager("dynamodb client", () -> {
            int number = created.incrementAndGet();
            events.add("created " + number);
            return () -> events.add("closed " + number);
        });
        client.get();

        snapStart.runAfterRestore();

        assertThat(events).containsExactly("created 1", "closed 1", "created 2");
        assertThat(client.isInitialized()).isTrue();
    }

    @Test
    void eagerFactoryFailureFailsTheRestoreNamingTheValue() {
        snapStart.restoreScopedEager("credentials", () -> {
            throw new IllegalStateException("metadata endpoint unreachable");
        });

        assertThatThrownBy(snapStart::runAfterRestore).isInstanceOf(SnapStartHookException.class)
                .hasMessage("SnapStart afterRestore hook 'restore-scoped: credentials' failed: "
                        + "java.lang.IllegalStateException: metadata endpoint unreachable");
    }

    @Test
    void concurrentFirstUsesCreateOneValue() throws Exception {
        AtomicInteger created = new AtomicInteger();
        RestoreScoped<Object> shared = snapStart.restoreScoped("client", () -> {
            created.incrementAndGet();
            return new Object();
        });
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return shared.get();
                }));
            }
            start.countDown();
            Set<Object> distinct = ConcurrentHashMap.newKeySet();
            for (Future<Object> result : results) {
                distinct.add(result.get(10, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
            assertThat(created).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hazardCheckNamesStaticRandomsIdsAndInitThreads() throws Exception {
        snapStart.reseedAfterRestore(InitTimeState.RESEEDED).inspectForHazards(InitTimeState.class);
        CountDownLatch stop = new CountDownLatch(1);
        Thread poller = new Thread(() -> {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "metrics-poller");
        poller.start();
        try {
            List<String> hazards = snapStart.findHazards();

            assertThat(hazards).anySatisfy(hazard -> assertThat(hazard)
                    .startsWith("io.powertools.snapstart.fixtures.InitTimeState.JITTER (java.util.Random)")
                    .contains("SnapStart.reseedAfterRestore"));
            assertThat(hazards).anySatisfy(hazard -> assertThat(hazard)
                    .startsWith("io.powertools.snapstart.fixtures.InitTimeState.INSTANCE_ID (java.util.UUID)")
                    .contains("RestoreScoped"));
            assertThat(hazards).noneMatch(hazard -> hazard.contains("RESEEDED"));
            assertThat(hazards).anySatisfy(hazard -> assertThat(hazard).contains("metrics-poller")
                    .contains("started during init"));
        } finally {
            stop.countDown();
            poller.join(10_000);
        }
    }

    @Test
    void hazardCheckAlsoRunsAtTheEndOfBeforeCheckpoint() throws Exception {
        snapStart.inspectForHazards(InitTimeState.class);

        PrimingSummary summary = snapStart.runBeforeCheckpoint();

        assertThat(summary.hazards()).anySatisfy(hazard -> assertThat(hazard).contains("InitTimeState.JITTER"));
    }
}
