package io.powertools.batch;

/** Base of the exceptions a batch processor throws; each fails the whole batch, so Lambda retries it. */
public class BatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     * @param cause the cause, or null
     */
    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
