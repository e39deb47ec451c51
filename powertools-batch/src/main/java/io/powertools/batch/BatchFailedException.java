package io.powertools.batch;

/**
 * Thrown instead of a response when no record of the batch succeeded and the processor was built
 * with {@link AllFailedPolicy#THROW}. The cause is the first record failure observed.
 */
public final class BatchFailedException extends BatchException {

    private static final long serialVersionUID = 1L;

    private final int recordCount;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param recordCount how many records the batch had
     * @param cause the first record failure, or null when no record ran (e.g. interrupted)
     */
    public BatchFailedException(String message, int recordCount, Throwable cause) {
        super(message, cause);
        this.recordCount = recordCount;
    }

    /**
     * How many records the batch had; all of them failed or were not processed.
     *
     * @return the record count
     */
    public int recordCount() {
        return recordCount;
    }
}
