package io.powertools.idempotency;

/**
 * Base of every exception the idempotency utility raises itself. Exceptions thrown by the
 * protected code are never wrapped in one of these: they reach the caller unchanged.
 */
public class IdempotencyException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public IdempotencyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying failure
     */
    public IdempotencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
