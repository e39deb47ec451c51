package io.powertools.idempotency;

/**
 * No idempotency key could be extracted from the payload and the configuration asks to fail in
 * that case ({@link IdempotencyConfig.Builder#throwOnNoIdempotencyKey(boolean)}).
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
}
