package io.powertools.idempotency;

/**
 * No idempotency key could be derived from the payload: either the key expression found nothing
 * and the configuration asks to fail in that case
 * ({@link IdempotencyConfig.Builder#throwOnNoIdempotencyKey(boolean)}), or the payload cannot be
 * turned into a key at all (a JMESPath function given the wrong type, nesting deeper than JSON
 * allows, a self-referencing object); the protected code does not run.
 */
public class IdempotencyKeyException extends IdempotencyException {

    /**
     * Creates the exception.
     *
     * @param message which expression found nothing
     */
    public IdempotencyKeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception for a payload the key could not be derived from.
     *
     * @param message what failed, naming the method or name
     * @param cause the underlying failure
     */
    public IdempotencyKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
