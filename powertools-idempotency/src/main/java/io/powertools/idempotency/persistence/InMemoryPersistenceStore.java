package io.powertools.idempotency.persistence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A persistence store in a {@link ConcurrentHashMap}, for unit tests and for functions that only
 * need to deduplicate within one execution environment. Records are not shared between
 * environments and vanish with the JVM; expired records are replaced on the next claim.
 */
public final class InMemoryPersistenceStore implements PersistenceStore {

    private final ConcurrentHashMap<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryPersistenceStore() {
        // nothing to configure
    }

    @Override
    public ClaimResult claim(IdempotencyRecord record, long nowEpochMillis) {
        Objects.requireNonNull(record, "record");
        // compute() runs atomically per key; the holder carries the outcome out of the lambda.
        IdempotencyRecord[] blocking = new IdempotencyRecord[1];
        records.compute(record.key(), (key, old) -> {
            if (old == null || old.isReplaceableAt(nowEpochMillis)) {
                return record;
            }
            blocking[0] = old;
            return old;
        });
        return blocking[0] == null ? ClaimResult.claimed() : ClaimResult.conflict(blocking[0]);
    }

    @Override
    public boolean complete(IdempotencyRecord completed) {
        boolean[] done = new boolean[1];
        records.computeIfPresent(completed.key(), (key, old) -> {
            if (ownedBy(old, completed)) {
                done[0] = true;
                return completed;
            }
            return old;
        });
        return done[0];
    }

    @Override
    public void delete(IdempotencyRecord inProgress) {
        records.computeIfPresent(inProgress.key(), (key, old) -> ownedBy(old, inProgress) ? null : old);
    }

    @Override
    public Optional<IdempotencyRecord> get(String key) {
        return Optional.ofNullable(records.get(key));
    }

    /**
     * All records currently stored, for assertions in tests.
     *
     * @return a snapshot
     */
    public List<IdempotencyRecord> records() {
        return List.copyOf(records.values());
    }

    /** Removes every record. */
    public void clear() {
        records.clear();
    }

    private static boolean ownedBy(IdempotencyRecord stored, IdempotencyRecord mine) {
        return stored.status() == IdempotencyStatus.INPROGRESS
                && stored.inProgressExpirationEpochMillis() == mine.inProgressExpirationEpochMillis();
    }

    @Override
    public String toString() {
        return "InMemoryPersistenceStore[" + records.size() + " records]";
    }
}
