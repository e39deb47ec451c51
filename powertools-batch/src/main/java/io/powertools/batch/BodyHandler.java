package io.powertools.batch;

/**
 * Processes one record whose body was already read with Jackson into a typed value: the SQS
 * message body, the Kinesis data, or the DynamoDB {@code NewImage}. A body that cannot be read is
 * never passed here: the record fails with a {@link RecordDeserializationException} instead.
 *
 * @param <T> the body type
 * @param <R> the raw record type, for ids and attributes
 */
@FunctionalInterface
public interface BodyHandler<T, R> {

    /**
     * Processes the record.
     *
     * @param body the body read as {@code T}; null only for a DynamoDB record without a new image
     *     (REMOVE events, or streams whose view type carries no new image)
     * @param record the raw record
     * @throws Exception to report the record as failed
     */
    void handle(T body, R record) throws Exception;
}
