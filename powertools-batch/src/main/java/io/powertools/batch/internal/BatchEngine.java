package io.powertools.batch.internal;

import io.powertools.batch.AllFailedPolicy;
import io.powertools.batch.BatchFailedException;
import io.powertools.batch.RecordDeserializationException;
import io.powertools.batch.RecordHandler;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch's records through a handler, sequentially or with bounded parallelism, and records
 * each outcome. Immutable and shared by all concurrent invocations: everything per batch lives in
 * the {@link BatchRun} it creates.
 *
 * @param <R> the record type
 */
public final class BatchEngine<R> {

    private static final Logger LOG = LoggerFactory.getLogger("io.powertools.batch");

    private final String source;
    private final RecordHandler<? super R> handler;
    private final Consumer<? super R> onSuccess;
    private final BiConsumer<? super R, ? super Throwable> onFailure;
    private final AllFailedPolicy allFailedPolicy;
    private final int parallelism;
    private final Executor executor;
    private final int failureStackTraceDepth;

    /**
     * Creates the engine.
     *
     * @param source the event source's name for messages ("SQS", "Kinesis", "DynamoDB Streams")
     * @param handler the record handler
     * @param options the shared settings
     */
    public BatchEngine(String source, RecordHandler<? super R> handler, BatchOptions<R> options) {
        this.source = source;
        this.handler = handler;
        this.onSuccess = options.onSuccess();
        this.onFailure = options.onFailure();
        this.allFailedPolicy = options.allFailedPolicy();
        this.parallelism = options.parallelism();
        this.executor = options.executor();
        this.failureStackTraceDepth = options.failureStackTraceDepth();
    }

    /**
     * Processes independent records: every record runs, failures do not affect the others.
     *
     * @param records the validated records
     * @param ids their identifiers, index for index
     * @return the outcomes
     * @throws BatchFailedException when no record succeeded and the policy says to throw
     */
    public BatchRun<R> processIndependent(List<R> records, String[] ids) {
        return execute(new BatchRun<>(this, records, ids, Lanes.singles(records.size()), StopPolicy.CONTINUE));
    }

    /**
     * Processes FIFO records: order holds within each group, and after a failure either the
     * failed group or the whole batch stops.
     *
     * @param records the validated records
     * @param ids their identifiers, index for index
     * @param groups their message group ids, index for index
     * @param policy {@link StopPolicy#SKIP_GROUP} or {@link StopPolicy#STOP_ALL}
     * @return the outcomes
     * @throws BatchFailedException when no record succeeded and the policy says to throw
     */
    public BatchRun<R> processOrdered(List<R> records, String[] ids, String[] groups, StopPolicy policy) {
        return execute(new BatchRun<>(this, records, ids, Lanes.byGroup(groups), policy));
    }

    private BatchRun<R> execute(BatchRun<R> run) {
        if (parallelism > 1 && run.laneCount() > 1) {
            run.runParallel(executor, parallelism);
        } else {
            run.runSequential();
        }
        int size = run.size();
        if (size > 0 && allFailedPolicy == AllFailedPolicy.THROW && run.successCount() == 0) {
            throw new BatchFailedException("All " + size + " records of the " + source + " batch failed or were "
                    + "not processed (first cause: " + run.firstFailure() + "). Thrown because the processor was built "
                    + "with whenAllFail(THROW); Lambda retries the whole batch.", size, run.firstFailure());
        }
        return run;
    }

    void recordFailed(R record, String id, Throwable cause) {
        // The id and the reason, never the body: bodies may carry personal data. A bounded text, not the
        // exception itself, so a poison batch cannot flood the log with stack traces.
        if (cause instanceof RecordDeserializationException) {
            LOG.warn("{} record {} failed and is reported for retry: {}", source, id, FailureText.message(cause));
        } else {
            LOG.warn("{} record {} failed and is reported for retry: {}", source, id,
                    FailureText.of(cause, failureStackTraceDepth));
        }
        if (onFailure != null) {
            try {
                onFailure.accept(record, cause);
            } catch (RuntimeException e) {
                LOG.warn("The failure hook threw for {} record {}; the record stays failed: {}", source, id,
                        FailureText.of(e, failureStackTraceDepth));
            }
        }
    }

    void recordSucceeded(R record, String id) {
        if (onSuccess != null) {
            try {
                onSuccess.accept(record);
            } catch (RuntimeException e) {
                // The record's work is done; failing it now would only cause a duplicate delivery.
                LOG.warn("The success hook threw for {} record {}; the record stays successful: {}", source, id,
                        FailureText.of(e, failureStackTraceDepth));
            }
        }
    }

    RecordHandler<? super R> handler() {
        return handler;
    }
}
