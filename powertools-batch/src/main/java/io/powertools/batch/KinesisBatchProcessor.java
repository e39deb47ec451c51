package io.powertools.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import io.powertools.batch.internal.BatchEngine;
import io.powertools.batch.internal.BatchInput;
import io.powertools.batch.internal.BodyReader;
import io.powertools.batch.internal.StreamResponses;
import io.powertools.core.Invocation;
import java.util.List;
import java.util.Objects;

/**
 * Processes a Kinesis Data Streams batch record by record and answers with the sequence numbers
 * of the records that failed (enable {@code ReportBatchItemFailures} on the event source mapping).
 *
 * <p>Every record is processed, and every failed record is reported. Lambda resumes the shard
 * from the lowest reported sequence number, so records after it are delivered again even if they
 * succeeded: handlers must tolerate duplicates. With {@link Builder#parallel(int)} records of the
 * batch run concurrently, so order within the shard is not kept while processing; the report is
 * the same as sequential processing would give for the same failures.
 *
 * <p>Instances are immutable and thread-safe: build one at init and share it.
 */
public final class KinesisBatchProcessor {

    private static final String SOURCE = "Kinesis";

    private final BatchEngine<KinesisEventRecord> engine;

    private KinesisBatchProcessor(BatchEngine<KinesisEventRecord> engine) {
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
     * @param event the Kinesis event
     * @return the sequence numbers of the failed records; an empty list when all succeeded
     * @throws InvalidBatchException when the event is null, has no records, or a record has no
     *     kinesis.sequenceNumber; nothing was processed
     * @throws BatchFailedException when no record succeeded and the processor was built with
     *     {@link AllFailedPolicy#THROW}
     */
    public StreamsEventResponse process(KinesisEvent event) {
        List<KinesisEventRecord> records = BatchInput.records(event, event == null ? null : event.getRecords(),
                "KinesisEvent");
        String[] ids = BatchInput.ids(records, KinesisBatchProcessor::sequenceNumber, SOURCE, "kinesis.sequenceNumber");
        return StreamResponses.of(engine.processIndependent(records, ids));
    }

    /**
     * Opens (or joins) the invocation for this handler call and processes the batch inside it.
     *
     * @param event the Kinesis event
     * @param context the Lambda context
     * @return the sequence numbers of the failed records; an empty list when all succeeded
     * @throws InvalidBatchException when the event is unusable; nothing was processed
     * @throws BatchFailedException when no record succeeded and the policy is {@link AllFailedPolicy#THROW}
     */
    public StreamsEventResponse process(KinesisEvent event, Context context) {
        Invocation.Scope scope = Invocation.open(event, context);
        try {
            return process(event);
        } finally {
            scope.close();
        }
    }

    private static String sequenceNumber(KinesisEventRecord record) {
        return record.getKinesis() == null ? null : record.getKinesis().getSequenceNumber();
    }

    /** Configures a {@link KinesisBatchProcessor}; the shared settings are in {@link BatchProcessorBuilder}. */
    public static final class Builder extends BatchProcessorBuilder<KinesisEventRecord, Builder> {

        private Builder() {
        }

        /**
         * Builds a processor whose handler receives each raw record.
         *
         * @param handler the record handler; thread-safe when processing in parallel
         * @return the processor
         */
        public KinesisBatchProcessor build(RecordHandler<KinesisEventRecord> handler) {
            return new KinesisBatchProcessor(engine(SOURCE, handler));
        }

        /**
         * Builds a processor whose handler receives each record's data (base64-decoded by the
         * runtime) read as {@code bodyType} with Jackson ({@code String} gives the UTF-8 text).
         * Data that cannot be read fails that record only.
         *
         * @param bodyType the body class
         * @param handler the handler
         * @param <T> the body type
         * @return the processor
         */
        public <T> KinesisBatchProcessor build(Class<T> bodyType, BodyHandler<T, KinesisEventRecord> handler) {
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
        public <T> KinesisBatchProcessor build(TypeReference<T> bodyType, BodyHandler<T, KinesisEventRecord> handler) {
            return typed(BodyReader.of(bodyType), handler);
        }

        private <T> KinesisBatchProcessor typed(BodyReader<T> reader, BodyHandler<T, KinesisEventRecord> handler) {
            Objects.requireNonNull(handler, "handler");
            return build(record -> handler.handle(reader.fromBytes(record.getKinesis().getData()), record));
        }
    }
}
