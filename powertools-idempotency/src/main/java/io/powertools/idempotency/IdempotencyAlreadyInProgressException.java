package io.powertools.idempotency;

/**
 * Another invocation with the same idempotency key is still running. The caller (or Lambda's
 * retry) should try again later; with {@link InProgressPolicy#waitUpTo(java.time.Duration)} the
 * utility waits for the first invocation instead, and raises this only when the wait runs out.
 */
public class IdempotencyAlreadyInProgressException extends IdempotencyException {

    private final String idempotencyKey;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param idempotencyKey the key that is in progress
     */
    public IdempotencyAlreadyInProgressException(String message, String idempotencyKey) {
        super(message);
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * The key whose record is in progress.
     *
     * @return the full idempotency key
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
