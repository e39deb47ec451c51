package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void manyThreadsAskingAtOnceCreateTheValueExactlyOnce() throws Exception {
        AtomicInteger created = new AtomicInteger();
        Lazy<Object> client = Lazy.of(() -> {
            created.incrementAndGet();
            return new Object();
        });
        int threads = 32;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return client.get();
                }));
            }
            Object first = results.get(0).get();
            for (Future<Object> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
            assertThat(created).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nothingIsCreatedBeforeTheFirstGet() {
        AtomicInteger created = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "v" + created.incrementAndGet());
        assertThat(lazy.isInitialized()).isFalse();
        assertThat(created).hasValue(0);
        assertThat(lazy.get()).isEqualTo("v1");
        assertThat(lazy.get()).isEqualTo("v1");
        assertThat(lazy.isInitialized()).isTrue();
    }

    @Test
    void aResetHandsBackTheOldValueAndTheNextGetCreatesANewOne() {
        AtomicInteger created = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "v" + created.incrementAndGet());
        assertThat(lazy.reset()).isNull();
        assertThat(lazy.get()).isEqualTo("v1");
        assertThat(lazy.reset()).isEqualTo("v1");
        assertThat(lazy.isInitialized()).isFalse();
        assertThat(lazy.get()).isEqualTo("v2");
    }

    @Test
    void aFailedCreationIsRetriedByTheNextCaller() {
        AtomicInteger attempts = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("throttled");
            }
            return "client";
        });
        assertThatThrownBy(lazy::get).hasMessage("throttled");
        assertThat(lazy.isInitialized()).isFalse();
        assertThat(lazy.get()).isEqualTo("client");
    }

    @Test
    void aNullValueIsRefused() {
        assertThatThrownBy(() -> Lazy.of(() -> null).get()).hasMessageContaining("returned null");
    }
}
