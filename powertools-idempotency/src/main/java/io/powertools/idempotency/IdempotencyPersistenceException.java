package io.powertools.idempotency;

/**
 * The persistence store failed (unreachable, throttled, corrupt record, item too large). When
 * this is raised while claiming a record, the protected code was not executed.
 */
public class IdempotencyPersistenceException extends IdempotencyException {

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the idempotency key
     * @param cause the store's failure; may be null
     */
    public IdempotencyPersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
