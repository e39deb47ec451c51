package io.powertools.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.core.type.TypeReference;
import io.powertools.batch.internal.BatchEngine;
import io.powertools.batch.internal.BatchInput;
import io.powertools.batch.internal.BatchRun;
import io.powertools.batch.internal.BodyReader;
import io.powertools.batch.internal.SqsQueueType;
import io.powertools.batch.internal.StopPolicy;
import io.powertools.core.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Processes an SQS batch record by record and answers with the failed message ids, so Lambda
 * deletes the messages that succeeded and retries only the others (enable
 * {@code ReportBatchItemFailures} on the event source mapping).
 *
 * <pre>{@code
 * private static final SqsBatchProcessor PROCESSOR = SqsBatchProcessor.builder()
 *         .parallel()
 *         .build(Order.class, (order, message) -> orders.save(order));
 *
 * public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
 *     return PROCESSOR.process(event, context);
 * }
 * }</pre>
 *
 * <p>FIFO queues (event source ARN ending in {@code .fifo}) are detected per batch, from every
 * record: messages of one group are processed in order, and after a failure the processor follows
 * its {@link FifoFailureMode}. A batch whose records disagree (FIFO and standard ARNs), or lack the
 * ARN where it decides the order, is refused with an {@link InvalidBatchException}. Parallel processing of a FIFO batch runs message groups in parallel,
 * each group in order on one worker.
 *
 * <p>Instances are immutable and thread-safe: build one at init and share it between concurrent
 * invocations.
 */
public final class SqsBatchProcessor {

    private static final String SOURCE = "SQS";

    private final BatchEngine<SQSMessage> engine;
    private final StopPolicy fifoPolicy;

    private SqsBatchProcessor(BatchEngine<SQSMessage> engine, FifoFailureMode fifoMode) {
        this.engine = engine;
        this.fifoPolicy = fifoMode == FifoFailureMode.SKIP_FAILED_GROUP ? StopPolicy.SKIP_GROUP : StopPolicy.STOP_ALL;
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
     * Processes the batch inside the invocation already open on this thread (if any; parallel
     * workers join it).
     *
     * @param event the SQS event
     * @return the failed and unprocessed message ids; an empty list when all succeeded
     * @throws InvalidBatchException when the event is null, has no records, a message has no
     *     messageId, or the records do not say one queue type (see {@link SqsBatchProcessor});
     *     nothing was processed
     * @throws BatchFailedException when no message succeeded and the processor was built with
     *     {@link AllFailedPolicy#THROW}
     */
    public SQSBatchResponse process(SQSEvent event) {
        List<SQSMessage> messages = BatchInput.records(event, event == null ? null : event.getRecords(), "SQSEvent");
        String[] ids = BatchInput.ids(messages, SQSMessage::getMessageId, SOURCE, "messageId");
        BatchRun<SQSMessage> run = SqsQueueType.of(messages) == SqsQueueType.FIFO
                ? engine.processOrdered(messages, ids, SqsQueueType.groupIds(messages), fifoPolicy)
                : engine.processIndependent(messages, ids);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (!run.succeeded(i)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(run.id(i)));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Opens the invocation for this handler call (or joins the one an outer utility opened) and
     * processes the batch inside it.
     *
     * @param event the SQS event
     * @param context the Lambda context
     * @return the failed and unprocessed message ids; an empty list when all succeeded
     * @throws InvalidBatchException when the event is null, has no records, a message has no
     *     messageId, or the records do not say one queue type; nothing was processed
     * @throws BatchFailedException when no message succeeded and the processor was built with
     *     {@link AllFailedPolicy#THROW}
     */
    public SQSBatchResponse process(SQSEvent event, Context context) {
        Invocation.Scope scope = Invocation.open(event, context);
        try {
            return process(event);
        } finally {
            scope.close();
        }
    }

    /** Configures an {@link SqsBatchProcessor}; the shared settings are in {@link BatchProcessorBuilder}. */
    public static final class Builder extends BatchProcessorBuilder<SQSMessage, Builder> {

        private FifoFailureMode fifoMode = FifoFailureMode.STOP_AT_FIRST_FAILURE;

        private Builder() {
        }

        /**
         * How a FIFO batch continues after a failure (default
         * {@link FifoFailureMode#STOP_AT_FIRST_FAILURE}); ignored for standard queues.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder fifoFailureMode(FifoFailureMode mode) {
            this.fifoMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Builds a processor whose handler receives each raw message.
         *
         * @param handler the message handler; thread-safe when processing in parallel
         * @return the processor
         */
        public SqsBatchProcessor build(RecordHandler<SQSMessage> handler) {
            return new SqsBatchProcessor(engine(SOURCE, handler), fifoMode);
        }

        /**
         * Builds a processor whose handler receives each message body read as {@code bodyType}
         * with Jackson ({@code String} passes the body through). A body that cannot be read fails
         * that message only.
         *
         * @param bodyType the body class
         * @param handler the handler
         * @param <T> the body type
         * @return the processor
         */
        public <T> SqsBatchProcessor build(Class<T> bodyType, BodyHandler<T, SQSMessage> handler) {
            return typed(BodyReader.of(bodyType), handler);
        }

        /**
         * Like {@link #build(Class, BodyHandler)}, for generic body types.
         *
         * @param bodyType the body type, e.g. {@code new TypeReference<List<Order>>() {}}
         * @param handler the handler
         * @param <T> the body type
         * @return the processor
         */
        public <T> SqsBatchProcessor build(TypeReference<T> bodyType, BodyHandler<T, SQSMessage> handler) {
            return typed(BodyReader.of(bodyType), handler);
        }

        private <T> SqsBatchProcessor typed(BodyReader<T> reader, BodyHandler<T, SQSMessage> handler) {
            Objects.requireNonNull(handler, "handler");
            return build(message -> handler.handle(reader.fromText(message.getBody()), message));
        }
    }
}
