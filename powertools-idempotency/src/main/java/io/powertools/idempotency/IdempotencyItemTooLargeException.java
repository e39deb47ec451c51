package io.powertools.idempotency;

/**
 * A store's signal that a completed record does not fit in one item (DynamoDB's 400 KB limit, after
 * compression); nothing was written. The engine does not pass it to the caller: it completes the
 * record without the response (the caller gets its result, duplicates get
 * {@link IdempotencyResponseNotStoredException}), so the protected code never runs twice because of
 * its response's size. Third-party stores throw it from {@code complete} when a record is too large.
 */
public class IdempotencyItemTooLargeException extends IdempotencyPersistenceException {

    /**
     * Creates the exception.
     *
     * @param message the key, the size and the limit
     * @param cause the store's failure; may be null when the size was checked before writing
     */
    public IdempotencyItemTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
