package io.powertools.idempotency.persistence;

import java.util.Objects;

/**
 * One stored idempotency record, immutable. Times are epoch based so they map one to one onto the
 * table: {@code expiration} in epoch seconds (the TTL attribute), {@code in_progress_expiration}
 * in epoch milliseconds.
 */
public final class IdempotencyRecord {

    private final String key;
    private final IdempotencyStatus status;
    private final long expirationEpochSeconds;
    private final long inProgressExpirationEpochMillis;
    private final String data;
    private final String validationHash;

    /**
     * Creates a record as stored.
     *
     * @param key the full idempotency key
     * @param status {@link IdempotencyStatus#INPROGRESS} or {@link IdempotencyStatus#COMPLETED}
     * @param expirationEpochSeconds when the record stops counting (TTL)
     * @param inProgressExpirationEpochMillis when an in-progress record may be taken over; 0 when unknown
     * @param data the serialized response; null while in progress
     * @param validationHash the payload validation hash; null when validation is off
     * @throws IllegalArgumentException when status is EXPIRED (it is never stored)
     */
    public IdempotencyRecord(String key, IdempotencyStatus status, long expirationEpochSeconds,
            long inProgressExpirationEpochMillis, String data, String validationHash) {
        this.key = Objects.requireNonNull(key, "key");
        this.status = Objects.requireNonNull(status, "status");
        if (status == IdempotencyStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is computed, never stored (key " + key + ")");
        }
        this.expirationEpochSeconds = expirationEpochSeconds;
        this.inProgressExpirationEpochMillis = inProgressExpirationEpochMillis;
        this.data = data;
        this.validationHash = validationHash;
    }

    /**
     * A new in-progress record.
     *
     * @param key the full idempotency key
     * @param expirationEpochSeconds when the record stops counting
     * @param inProgressExpirationEpochMillis when another invocation may take it over
     * @param validationHash the payload validation hash, or null
     * @return the record
     */
    public static IdempotencyRecord inProgress(String key, long expirationEpochSeconds,
            long inProgressExpirationEpochMillis, String validationHash) {
        return new IdempotencyRecord(key, IdempotencyStatus.INPROGRESS, expirationEpochSeconds,
                inProgressExpirationEpochMillis, null, validationHash);
    }

    /**
     * This in-progress record, completed with a response.
     *
     * @param responseData the serialized response
     * @param newExpirationEpochSeconds the expiration counted from completion
     * @return the completed record (same key, validation and in-progress expiry)
     */
    public IdempotencyRecord completed(String responseData, long newExpirationEpochSeconds) {
        return new IdempotencyRecord(key, IdempotencyStatus.COMPLETED, newExpirationEpochSeconds,
                inProgressExpirationEpochMillis, responseData, validationHash);
    }

    /**
     * The status at a given time: EXPIRED once a claim may replace the record (see
     * {@link #isReplaceableAt(long)}), else the stored status.
     *
     * @param nowEpochMillis the time
     * @return the status
     */
    public IdempotencyStatus statusAt(long nowEpochMillis) {
        return isReplaceableAt(nowEpochMillis) ? IdempotencyStatus.EXPIRED : status;
    }

    /**
     * Whether the expiration passed.
     *
     * @param nowEpochMillis the time
     * @return true when expired
     */
    public boolean isExpiredAt(long nowEpochMillis) {
        // Same rule as the store's condition (expiration < now in whole seconds), so both agree.
        return expirationEpochSeconds < nowEpochMillis / 1000;
    }

    /**
     * Whether this is an in-progress record whose in-progress expiry passed, so another
     * invocation may take it over: the invocation that wrote it reached its deadline (or died).
     *
     * @param nowEpochMillis the time
     * @return true when it may be taken over
     */
    public boolean isInProgressExpiredAt(long nowEpochMillis) {
        return status == IdempotencyStatus.INPROGRESS && inProgressExpirationEpochMillis > 0
                && inProgressExpirationEpochMillis < nowEpochMillis;
    }

    /**
     * Whether a new claim may replace this record at the given time. An in-progress record is
     * replaceable only after its in-progress expiry, never because its expiration passed: its body
     * may still be running. (A record without an in-progress expiry, written by another library,
     * falls back to its expiration.) A completed record is replaceable once it expired.
     *
     * @param nowEpochMillis the time
     * @return true when a claim may replace it
     */
    public boolean isReplaceableAt(long nowEpochMillis) {
        if (status == IdempotencyStatus.INPROGRESS && inProgressExpirationEpochMillis > 0) {
            return inProgressExpirationEpochMillis < nowEpochMillis;
        }
        return isExpiredAt(nowEpochMillis);
    }

    /**
     * The full idempotency key.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The stored status.
     *
     * @return INPROGRESS or COMPLETED
     */
    public IdempotencyStatus status() {
        return status;
    }

    /**
     * When the record stops counting, in epoch seconds.
     *
     * @return the expiration
     */
    public long expirationEpochSeconds() {
        return expirationEpochSeconds;
    }

    /**
     * When an in-progress record may be taken over, in epoch milliseconds.
     *
     * @return the in-progress expiry, 0 when unknown
     */
    public long inProgressExpirationEpochMillis() {
        return inProgressExpirationEpochMillis;
    }

    /**
     * The serialized response.
     *
     * @return JSON text, or null while in progress
     */
    public String data() {
        return data;
    }

    /**
     * The payload validation hash.
     *
     * @return the hash, or null when validation is off
     */
    public String validationHash() {
        return validationHash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IdempotencyRecord)) {
            return false;
        }
        IdempotencyRecord other = (IdempotencyRecord) o;
        return expirationEpochSeconds == other.expirationEpochSeconds
                && inProgressExpirationEpochMillis == other.inProgressExpirationEpochMillis
                && key.equals(other.key) && status == other.status
                && Objects.equals(data, other.data) && Objects.equals(validationHash, other.validationHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, status, expirationEpochSeconds, inProgressExpirationEpochMillis, data, validationHash);
    }

    @Override
    public String toString() {
        return "IdempotencyRecord[key=" + key + ", status=" + status + ", expiration=" + expirationEpochSeconds
                + ", inProgressExpiration=" + inProgressExpirationEpochMillis
                + ", data=" + (data == null ? "null" : data.length() + " chars") + "]";
    }
}
