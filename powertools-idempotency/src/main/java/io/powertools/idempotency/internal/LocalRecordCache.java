package io.powertools.idempotency.internal;

import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, thread-safe cache of COMPLETED records, so a duplicate served by the same execution
 * environment costs no DynamoDB request. Lock-free reads (ConcurrentHashMap); when full, expired
 * entries go first, then arbitrary ones (a miss only costs one request, so precise LRU is not
 * worth a shared lock on the hot path).
 */
public final class LocalRecordCache {

    private final ConcurrentHashMap<String, IdempotencyRecord> records = new ConcurrentHashMap<>();
    private final int maxEntries;

    /**
     * Creates the cache.
     *
     * @param maxEntries the most records it keeps; positive
     */
    public LocalRecordCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * A completed, unexpired record.
     *
     * @param key the full key
     * @param nowEpochMillis the time
     * @return the record, or null
     */
    public IdempotencyRecord get(String key, long nowEpochMillis) {
        IdempotencyRecord record = records.get(key);
        if (record == null) {
            return null;
        }
        if (record.isExpiredAt(nowEpochMillis)) {
            records.remove(key, record);
            return null;
        }
        return record;
    }

    /**
     * Caches a completed record.
     *
     * @param record the record; ignored unless COMPLETED
     * @param nowEpochMillis the time
     */
    public void put(IdempotencyRecord record, long nowEpochMillis) {
        if (record.status() != IdempotencyStatus.COMPLETED || record.isExpiredAt(nowEpochMillis)) {
            return;
        }
        records.put(record.key(), record);
        // Checked after the put: concurrent puts that each saw room before adding could otherwise
        // leave the cache above its bound for good. Each putter that sees it over the bound trims it.
        if (records.size() > maxEntries) {
            evict(nowEpochMillis);
        }
    }

    /**
     * Forgets a key.
     *
     * @param key the full key
     */
    public void remove(String key) {
        records.remove(key);
    }

    /**
     * The number of cached records.
     *
     * @return the size
     */
    public int size() {
        return records.size();
    }

    /**
     * A snapshot of the cached keys, for tests.
     *
     * @return the keys
     */
    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(records.keySet());
    }

    private void evict(long nowEpochMillis) {
        records.values().removeIf(r -> r.isExpiredAt(nowEpochMillis));
        int size = records.size();
        if (size <= maxEntries) {
            return;
        }
        Iterator<String> keys = records.keySet().iterator();
        // Make room for roughly a tenth so a full cache does not evict on every put.
        int toRemove = size - maxEntries + maxEntries / 10;
        while (toRemove-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
