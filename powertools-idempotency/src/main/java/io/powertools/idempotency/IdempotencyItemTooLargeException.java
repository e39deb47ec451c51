package io.powertools.idempotency;

/**
 * The response of the protected code does not fit in one persistence item (DynamoDB's 400 KB
 * limit). The in-progress record was deleted, so nothing half-written remains and a retry runs
 * the protected code again; return a smaller response (e.g. a reference to S3) to make it
 * idempotent.
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
