package io.powertools.idempotency;

/**
 * The idempotency configuration is wrong (no store, malformed JMESPath, invalid name, a method
 * annotated in a way that cannot work). Raised at init, or for an annotated method the first time
 * it is called.
 */
public class IdempotencyConfigurationException extends IdempotencyException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public IdempotencyConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public IdempotencyConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
