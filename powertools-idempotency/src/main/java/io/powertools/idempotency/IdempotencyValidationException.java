package io.powertools.idempotency;

/**
 * The payload of a request has the same idempotency key as a stored record but a different
 * validation hash: the same key was reused for a different request. Nothing was executed.
 */
public class IdempotencyValidationException extends IdempotencyException {

    /**
     * Creates the exception.
     *
     * @param message which key and which validation expression
     */
    public IdempotencyValidationException(String message) {
        super(message);
    }
}
