package io.powertools.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * A protected call whose record could not be marked completed (see {@link CompletionFailureHook}).
 *
 * @param idempotencyKey the record's key
 * @param attempts how many completing writes were tried
 * @param reclaimableAt when the record's in-progress expiry passes: from then on a duplicate
 *     runs the protected code again
 * @param cause the last write's failure
 */
public record CompletionFailure(String idempotencyKey, int attempts, Instant reclaimableAt,
        IdempotencyPersistenceException cause) {

    /**
     * Checks the parts.
     *
     * @param idempotencyKey the record's key
     * @param attempts the attempts, at least 1
     * @param reclaimableAt the in-progress expiry
     * @param cause the last failure
     */
    public CompletionFailure {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(reclaimableAt, "reclaimableAt");
        Objects.requireNonNull(cause, "cause");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }
}
