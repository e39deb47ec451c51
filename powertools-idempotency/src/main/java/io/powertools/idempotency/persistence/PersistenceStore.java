package io.powertools.idempotency.persistence;

import java.util.Optional;

/**
 * Where idempotency records live. Implementations must be thread-safe (one instance serves every
 * concurrent invocation) and make {@link #claim} atomic. They report failures as
 * {@link io.powertools.idempotency.IdempotencyPersistenceException} carrying the cause.
 *
 * <p>Ownership: {@link #complete} and {@link #delete} act only on the record this caller
 * claimed, recognised by its status INPROGRESS and its in-progress expiry; once another
 * invocation took the key over they do nothing.
 */
public interface PersistenceStore {

    /**
     * Atomically stores an in-progress record when the key is free: absent, a completed record
     * past its expiration, or an in-progress record past its in-progress expiry (see
     * {@link IdempotencyRecord#isReplaceableAt(long)}). An in-progress record is never freed by its
     * expiration: its protected code may still run. Otherwise returns the blocking record, with the
     * same request where the store allows it; empty only when that record vanished before it could
     * be read (the caller claims again).
     *
     * @param record the in-progress record to store
     * @param nowEpochMillis the time used to decide what counts as expired
     * @return claimed, or the conflicting record
     */
    ClaimResult claim(IdempotencyRecord record, long nowEpochMillis);

    /**
     * Replaces this caller's in-progress record with its completed version (one write).
     *
     * @param completed the completed record (same key and in-progress expiry as the claim)
     * @return false when the record was no longer this caller's (taken over after its
     *     in-progress expiry); nothing was written then
     * @throws io.powertools.idempotency.IdempotencyItemTooLargeException when the record does
     *     not fit in the store; nothing was written
     */
    boolean complete(IdempotencyRecord completed);

    /**
     * Deletes this caller's in-progress record (the protected code failed, or the response could
     * not be stored), so a retry runs again.
     *
     * @param inProgress the record as claimed
     */
    void delete(IdempotencyRecord inProgress);

    /**
     * Reads a record with a strongly consistent read.
     *
     * @param key the full idempotency key
     * @return the stored record (possibly expired), or empty
     */
    Optional<IdempotencyRecord> get(String key);
}
