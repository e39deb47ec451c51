package io.powertools.batch;

/**
 * The event is not a usable batch: it is null, has no record list, holds a null record, a record
 * has no identifier (SQS {@code messageId}, Kinesis or DynamoDB sequence number), or the records of
 * an SQS batch do not say one queue type (FIFO and standard ARNs mixed, or an ARN missing where it
 * decides the order). Nothing was processed. Failing the invocation is the only safe answer: a
 * failed item without an identifier would make Lambda fail the whole batch anyway, silently, and a
 * FIFO batch processed out of order cannot be undone.
 */
public final class InvalidBatchException extends BatchException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the event
     */
    public InvalidBatchException(String message) {
        super(message, null);
    }
}
