package io.powertools.batch.internal;

import io.powertools.batch.AllFailedPolicy;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The settings every processor shares, fixed when the processor is built.
 *
 * @param onSuccess called after a record succeeded, or null
 * @param onFailure called after a record failed, or null
 * @param allFailedPolicy what to do when no record succeeded
 * @param parallelism how many records (or FIFO groups) run at once, counting the handler thread; 1 is sequential
 * @param executor runs the helper workers when parallelism is above 1; null otherwise
 * @param failureStackTraceDepth how many stack frames the WARN line of a failed record shows
 * @param <R> the record type
 */
public record BatchOptions<R>(
        Consumer<? super R> onSuccess,
        BiConsumer<? super R, ? super Throwable> onFailure,
        AllFailedPolicy allFailedPolicy,
        int parallelism,
        Executor executor,
        int failureStackTraceDepth) {
}
