package io.powertools.batch;

/**
 * The failure cause of a record whose body could not be read as the requested type (bad JSON,
 * missing body, wrong shape). The record is reported as a failed item and the batch goes on; the
 * failure hook receives this exception. The message names the wanted type and the parser's
 * reason; it does not repeat the body (bodies may hold personal data), though the parser may quote
 * the offending token. The processor logs it with the record's identifier.
 */
public final class RecordDeserializationException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which type and why
     * @param cause the parser's exception, or null
     */
    public RecordDeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
