package io.powertools.idempotency;

/**
 * A duplicate found the key's record {@code COMPLETED} without a response: the protected code ran
 * once, but its response could not be stored (larger than the store's item limit even compressed,
 * or not serializable as JSON). The code is not run again while the record lives; the message
 * names the key and why the response was not kept. Return a smaller response (e.g. a reference to
 * an S3 object) to have duplicates replay it.
 */
public class IdempotencyResponseNotStoredException extends IdempotencyPersistenceException {

    private final String idempotencyKey;

    /**
     * Creates the exception.
     *
     * @param message the key and the reason
     * @param idempotencyKey the key of the record
     */
    public IdempotencyResponseNotStoredException(String message, String idempotencyKey) {
        super(message, null);
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * The key whose response was not stored.
     *
     * @return the idempotency key
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
