package io.powertools.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.type.TypeReference;
import io.powertools.batch.internal.BatchEngine;
import io.powertools.batch.internal.BatchInput;
import io.powertools.batch.internal.BodyReader;
import io.powertools.batch.internal.DynamoDbImages;
import io.powertools.batch.internal.StreamResponses;
import io.powertools.core.Invocation;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Processes a DynamoDB Streams batch record by record and answers with the sequence numbers of
 * the records that failed (enable {@code ReportBatchItemFailures} on the event source mapping).
 *
 * <p>Failure semantics are those of {@link KinesisBatchProcessor}: every failed record is
 * reported, Lambda resumes from the lowest, later records may be delivered again.
 *
 * <p>Instances are immutable and thread-safe: build one at init and share it.
 */
public final class DynamoDbBatchProcessor {

    private static final String SOURCE = "DynamoDB Streams";

    private final BatchEngine<DynamodbStreamRecord> engine;

    private DynamoDbBatchProcessor(BatchEngine<DynamodbStreamRecord> engine) {
        this.engine = engine;
    }

    /**
     * Starts a processor configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Processes the batch inside the invocation already open on this thread (if any).
     *
     * @param event the DynamoDB Streams event
     * @return the sequence numbers of the failed records; an empty list when all succeeded
     * @throws InvalidBatchException when the event is null, has no records, or a record has no
     *     dynamodb.SequenceNumber; nothing was processed
     * @throws BatchFailedException when no record succeeded and the processor was built with
     *     {@link AllFailedPolicy#THROW}
     */
    public StreamsEventResponse process(DynamodbEvent event) {
        List<DynamodbStreamRecord> records = BatchInput.records(event, event == null ? null : event.getRecords(),
                "DynamodbEvent");
        String[] ids = BatchInput.ids(records, DynamoDbBatchProcessor::sequenceNumber, SOURCE,
                "dynamodb.SequenceNumber");
        return StreamResponses.of(engine.processIndependent(records, ids));
    }

    /**
     * Opens (or joins) the invocation for this handler call and processes the batch inside it.
     *
     * @param event the DynamoDB Streams event
     * @param context the Lambda context
     * @return the sequence numbers of the failed records; an empty list when all succeeded
     * @throws InvalidBatchException when the event is unusable; nothing was processed
     * @throws BatchFailedException when no record succeeded and the policy is {@link AllFailedPolicy#THROW}
     */
    public StreamsEventResponse process(DynamodbEvent event, Context context) {
        Invocation.Scope scope = Invocation.open(event, context);
        try {
            return process(event);
        } finally {
            scope.close();
        }
    }

    private static String sequenceNumber(DynamodbStreamRecord record) {
        return record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
    }

    /** Configures a {@link DynamoDbBatchProcessor}; the shared settings are in {@link BatchProcessorBuilder}. */
    public static final class Builder extends BatchProcessorBuilder<DynamodbStreamRecord, Builder> {

        private Builder() {
        }

        /**
         * Builds a processor whose handler receives each raw record.
         *
         * @param handler the record handler; thread-safe when processing in parallel
         * @return the processor
         */
        public DynamoDbBatchProcessor build(RecordHandler<DynamodbStreamRecord> handler) {
            return new DynamoDbBatchProcessor(engine(SOURCE, handler));
        }

        /**
         * Builds a processor whose handler receives each record's {@code NewImage} as plain JSON
         * bound to {@code bodyType} (S as text, N as a number, M as an object, L and sets as
         * arrays, B as base64). Records without a new image (REMOVE events, KEYS_ONLY or
         * OLD_IMAGE streams) get a null body. An image that does not fit fails that record only.
         *
         * @param bodyType the body class
         * @param handler the handler
         * @param <T> the body type
         * @return the processor
         */
        public <T> DynamoDbBatchProcessor build(Class<T> bodyType, BodyHandler<T, DynamodbStreamRecord> handler) {
            return typed(BodyReader.of(bodyType), handler);
        }

        /**
         * Like {@link #build(Class, BodyHandler)}, for generic body types.
         *
         * @param bodyType the body type
         * @param handler the handler
         * @param <T> the body type
         * @return the processor
         */
        public <T> DynamoDbBatchProcessor build(TypeReference<T> bodyType,
                BodyHandler<T, DynamodbStreamRecord> handler) {
            return typed(BodyReader.of(bodyType), handler);
        }

        private <T> DynamoDbBatchProcessor typed(BodyReader<T> reader, BodyHandler<T, DynamodbStreamRecord> handler) {
            Objects.requireNonNull(handler, "handler");
            return build(record -> handler.handle(newImage(reader, record), record));
        }

        private static <T> T newImage(BodyReader<T> reader, DynamodbStreamRecord record)
                throws RecordDeserializationException {
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            if (image == null) {
                return null;
            }
            try {
                return reader.fromTree(DynamoDbImages.toJson(image));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new RecordDeserializationException("The record's NewImage holds an N value that is not a "
                        + "number: " + e.getMessage(), e);
            }
        }
    }
}
