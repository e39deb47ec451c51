package io.powertools.idempotency.internal;

import io.powertools.idempotency.IdempotencyResponseNotStoredException;

/**
 * The engine's markers in a record's {@code data}: a completed record whose response could not be
 * kept holds {@code ~omitted:<reason>} instead of JSON. JSON text never starts with {@code ~}, so
 * a marker is never mistaken for a response and a plain response never for a marker.
 */
public final class StoredResponse {

    /** Prefix of the data of a completed record without its response. */
    public static final String OMITTED_PREFIX = "~omitted:";

    private StoredResponse() {
    }

    /**
     * The data of a completed record whose response was not kept.
     *
     * @param reason why, in words a duplicate's caller understands
     * @return the marker text
     */
    public static String omitted(String reason) {
        return OMITTED_PREFIX + reason;
    }

    /**
     * Whether stored data is the marker of an omitted response.
     *
     * @param data the stored data; may be null
     * @return true for the marker
     */
    public static boolean isOmitted(String data) {
        return data != null && data.startsWith(OMITTED_PREFIX);
    }

    /**
     * The exception a duplicate gets for a record without its response.
     *
     * @param key the idempotency key
     * @param data the marker
     * @return the exception naming the key and the reason
     */
    public static IdempotencyResponseNotStoredException notStored(String key, String data) {
        return new IdempotencyResponseNotStoredException("The protected code of idempotency key '" + key
                + "' already ran, but its response was not stored (" + data.substring(OMITTED_PREFIX.length())
                + "), so there is nothing to replay; it is not run again while the record lives. Return a smaller "
                + "response (e.g. a reference to an S3 object) to have duplicates get it.", key);
    }
}
