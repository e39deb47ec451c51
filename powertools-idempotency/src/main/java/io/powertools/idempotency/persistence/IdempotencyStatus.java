package io.powertools.idempotency.persistence;

/**
 * The state of an idempotency record. {@link #INPROGRESS} and {@link #COMPLETED} are stored (as
 * these exact strings, like Powertools for AWS Lambda); {@link #EXPIRED} is only ever computed
 * from the expiration time.
 */
public enum IdempotencyStatus {
    /** The protected code is running (or its invocation died before its in-progress expiry). */
    INPROGRESS,
    /** The protected code finished; the record holds its response. */
    COMPLETED,
    /** The record's expiration passed; it counts as absent. Never stored. */
    EXPIRED
}
