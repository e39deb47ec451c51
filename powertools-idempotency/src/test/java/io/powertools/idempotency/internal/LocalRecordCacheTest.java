package io.powertools.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The local cache of completed records stays within its bound, also under concurrent puts. */
class LocalRecordCacheTest {

    private static final long NOW = 1_000_000_000_000L;

    private static IdempotencyRecord completed(String key, long expirationEpochSeconds) {
        return new IdempotencyRecord(key, IdempotencyStatus.COMPLETED, expirationEpochSeconds, 0, "{}", null);
    }

    @Test
    void concurrentPutsNeverLeaveItAboveItsBound() throws Exception {
        int threads = 32;
        int maxEntries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                LocalRecordCache cache = new LocalRecordCache(maxEntries);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await(); // all threads put at once: the window in which a bound check can race
                        for (int i = 0; i < 2; i++) {
                            cache.put(completed("k-" + thread + "-" + i, NOW / 1000 + 3600), NOW);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
                assertThat(cache.size()).as("round %d", round).isBetween(1, maxEntries)
                        .isEqualTo(cache.keys().size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredRecordsAreEvictedFirstAndNeverServed() {
        LocalRecordCache cache = new LocalRecordCache(4);
        for (int i = 0; i < 3; i++) {
            cache.put(completed("old-" + i, NOW / 1000 + 10), NOW);
        }
        cache.put(completed("fresh", NOW / 1000 + 3600), NOW);
        assertThat(cache.get("old-0", NOW)).isNotNull();

        long later = NOW + 60_000; // the "old" records expired, "fresh" did not
        assertThat(cache.get("old-0", later)).isNull();
        cache.put(completed("new", later / 1000 + 3600), later);
        assertThat(cache.size()).isEqualTo(4);
        cache.put(completed("newer", later / 1000 + 3600), later);
        assertThat(cache.keys()).containsExactlyInAnyOrder("fresh", "new", "newer");
        assertThat(cache.get("fresh", later)).isNotNull();
    }

    @Test
    void inProgressAndExpiredRecordsAreNotCached() {
        LocalRecordCache cache = new LocalRecordCache(4);
        cache.put(IdempotencyRecord.inProgress("running", NOW / 1000 + 3600, NOW + 1000, null), NOW);
        cache.put(completed("stale", NOW / 1000 - 1), NOW);
        assertThat(cache.size()).isZero();
    }
}
