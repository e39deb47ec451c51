package io.powertools.batch;

import io.powertools.batch.internal.BatchEngine;
import io.powertools.batch.internal.BatchOptions;
import io.powertools.batch.internal.WorkerExecutors;
import io.powertools.core.ExecutionEnvironment;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The settings every batch processor shares: hooks, the all-failed policy and parallelism.
 * Builders are not thread-safe; build the processor once, at init (a static or handler field),
 * and share it: the processor is immutable and holds no per-invocation state.
 *
 * @param <R> the record type
 * @param <B> the concrete builder
 */
public abstract class BatchProcessorBuilder<R, B extends BatchProcessorBuilder<R, B>> {

    /**
     * The parallelism of {@link #parallel()}: records spend most of their time waiting on I/O, so
     * many more run at once than there are vCPUs.
     */
    public static final int DEFAULT_PARALLELISM = 16;

    /** The largest accepted parallelism. */
    public static final int MAX_PARALLELISM = 1024;

    /** How many stack frames the WARN line of a failed record shows unless configured. */
    public static final int DEFAULT_FAILURE_STACK_TRACE_DEPTH = 5;

    /** The deepest stack trace a failed record's line may show. */
    public static final int MAX_FAILURE_STACK_TRACE_DEPTH = 1024;

    private Consumer<? super R> onSuccess;
    private BiConsumer<? super R, ? super Throwable> onFailure;
    private AllFailedPolicy allFailedPolicy = AllFailedPolicy.REPORT_ALL;
    private int parallelism = 1;
    private Executor executor;
    private int failureStackTraceDepth = DEFAULT_FAILURE_STACK_TRACE_DEPTH;

    BatchProcessorBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Called on the worker's thread, inside the invocation, after a record's handler returned.
     * A hook that throws is logged; the record stays successful.
     *
     * @param hook the hook
     * @return this builder
     */
    public B onSuccess(Consumer<? super R> hook) {
        this.onSuccess = Objects.requireNonNull(hook, "onSuccess hook");
        return self();
    }

    /**
     * Called on the worker's thread, inside the invocation, after a record failed, with the
     * handler's exception or a {@link RecordDeserializationException}. A hook that throws is
     * logged; the record stays failed.
     *
     * @param hook the hook
     * @return this builder
     */
    public B onFailure(BiConsumer<? super R, ? super Throwable> hook) {
        this.onFailure = Objects.requireNonNull(hook, "onFailure hook");
        return self();
    }

    /**
     * What to do when no record of a non-empty batch succeeded (default
     * {@link AllFailedPolicy#REPORT_ALL}).
     *
     * @param policy the policy
     * @return this builder
     */
    public B whenAllFail(AllFailedPolicy policy) {
        this.allFailedPolicy = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /**
     * Processes records in parallel, {@value #DEFAULT_PARALLELISM} at a time.
     *
     * @return this builder
     * @see #parallel(int)
     */
    public B parallel() {
        return parallel(DEFAULT_PARALLELISM);
    }

    /**
     * Processes up to {@code maxConcurrency} records (for SQS FIFO: message groups) at a time;
     * 1 means sequential, the default. The handler thread works too, so at most
     * {@code maxConcurrency - 1} helpers run per batch, on virtual threads on Java 21+, else on a
     * bounded pool of daemon threads, unless {@link #executor(Executor)} is set. Every helper runs
     * inside the invocation's scope.
     *
     * @param maxConcurrency 1 to {@value #MAX_PARALLELISM}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public B parallel(int maxConcurrency) {
        if (maxConcurrency < 1 || maxConcurrency > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallel(" + maxConcurrency + "): the parallelism must be between 1 "
                    + "(sequential) and " + MAX_PARALLELISM);
        }
        this.parallelism = maxConcurrency;
        return self();
    }

    /**
     * The executor that runs parallel helpers instead of the default one, e.g. to share a pool.
     * Tasks are submitted already wrapped in the invocation. The batch completes even when the
     * executor is saturated or rejects tasks, because the handler thread processes whatever no
     * helper has claimed. The processor never shuts it down.
     *
     * @param executor the executor
     * @return this builder
     */
    public B executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return self();
    }

    /**
     * How many stack frames the WARN line of a failed record (or of a hook that threw) shows
     * (default {@value #DEFAULT_FAILURE_STACK_TRACE_DEPTH}). The line also names the exception's
     * class, its message and up to three causes, each message cut at 256 characters, so a batch of
     * poison messages cannot flood the log. The failure hook still receives the whole exception.
     *
     * @param depth 0 (no frames) to {@value #MAX_FAILURE_STACK_TRACE_DEPTH}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public B failureStackTraceDepth(int depth) {
        if (depth < 0 || depth > MAX_FAILURE_STACK_TRACE_DEPTH) {
            throw new IllegalArgumentException("failureStackTraceDepth(" + depth + "): the depth must be between 0 "
                    + "and " + MAX_FAILURE_STACK_TRACE_DEPTH + " frames");
        }
        this.failureStackTraceDepth = depth;
        return self();
    }

    BatchEngine<R> engine(String source, RecordHandler<? super R> handler) {
        Objects.requireNonNull(handler, "handler");
        Executor workers = executor;
        if (parallelism > 1 && workers == null) {
            workers = WorkerExecutors.create(parallelism, ExecutionEnvironment.get().maxConcurrency());
        }
        return new BatchEngine<>(source, handler,
                new BatchOptions<>(onSuccess, onFailure, allFailedPolicy, parallelism, parallelism > 1 ? workers : null,
                        failureStackTraceDepth));
    }
}
