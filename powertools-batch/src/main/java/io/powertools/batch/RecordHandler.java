package io.powertools.batch;

/**
 * Processes one record of a batch. Returning normally means the record succeeded and Lambda may
 * delete it; throwing any exception makes it a failed item that Lambda delivers again.
 *
 * <p>Under parallel processing the handler is called from several threads at once, always inside
 * the invocation's scope ({@code Invocation.require()} works), so it must be thread-safe.
 *
 * @param <R> the record type ({@code SQSMessage}, {@code KinesisEventRecord}, {@code DynamodbStreamRecord})
 */
@FunctionalInterface
public interface RecordHandler<R> {

    /**
     * Processes the record.
     *
     * @param record the record, never null
     * @throws Exception to report the record as failed
     */
    void handle(R record) throws Exception;
}
