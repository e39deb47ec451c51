package io.powertools.batch.internal;

import io.powertools.core.Invocation;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of one batch being processed: one instance per call, never shared between
 * invocations.
 *
 * <p>Parallel runs are lock-free: workers claim lanes from an atomic counter and each writes only
 * the outcome slots of the records it processed; the handler thread is a worker too and, once no
 * lane is left to claim, waits on a latch that every finished lane counts down. The latch gives
 * the handler thread a happens-before edge over every outcome write. Because the handler thread
 * claims whatever the helpers have not, a batch always completes even when the executor is
 * saturated by other invocations or rejects the helpers.
 *
 * @param <R> the record type
 */
public final class BatchRun<R> implements Runnable {

    private static final byte PENDING = 0;
    private static final byte SUCCEEDED = 1;
    private static final byte FAILED = 2;

    private final BatchEngine<R> engine;
    private final List<R> records;
    private final String[] ids;
    private final Lanes lanes;
    private final StopPolicy policy;
    private final byte[] outcomes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private CountDownLatch lanesDone;
    private volatile boolean stopped;

    BatchRun(BatchEngine<R> engine, List<R> records, String[] ids, Lanes lanes, StopPolicy policy) {
        this.engine = engine;
        this.records = records;
        this.ids = ids;
        this.lanes = lanes;
        this.policy = policy;
        this.outcomes = new byte[records.size()];
    }

    /**
     * How many records the batch has.
     *
     * @return the size
     */
    public int size() {
        return outcomes.length;
    }

    /**
     * Whether the record's handler returned normally. Every other record (failed, skipped after
     * a FIFO failure, never started) must be reported.
     *
     * @param index the record's index in the batch
     * @return true only for records that succeeded
     */
    public boolean succeeded(int index) {
        return outcomes[index] == SUCCEEDED;
    }

    /**
     * The identifier of a record.
     *
     * @param index the record's index in the batch
     * @return its identifier, never null or blank
     */
    public String id(int index) {
        return ids[index];
    }

    /**
     * How many records succeeded.
     *
     * @return the count
     */
    public int successCount() {
        int count = 0;
        for (byte outcome : outcomes) {
            if (outcome == SUCCEEDED) {
                count++;
            }
        }
        return count;
    }

    /**
     * The first failure observed, for error messages.
     *
     * @return the failure, or null
     */
    public Throwable firstFailure() {
        return firstFailure.get();
    }

    int laneCount() {
        return lanes.count();
    }

    /** Batch order on the handler thread; for FIFO, a failed group's later records are skipped. */
    void runSequential() {
        boolean[] failedLanes = policy == StopPolicy.SKIP_GROUP ? new boolean[lanes.count()] : null;
        for (int i = 0; i < outcomes.length; i++) {
            if (failedLanes != null && failedLanes[lanes.laneOf(i)]) {
                continue;
            }
            if (!process(i)) {
                if (policy == StopPolicy.STOP_ALL || stopped) {
                    return;
                }
                if (failedLanes != null) {
                    failedLanes[lanes.laneOf(i)] = true;
                }
            }
        }
    }

    void runParallel(Executor executor, int parallelism) {
        int laneCount = lanes.count();
        lanesDone = new CountDownLatch(laneCount);
        int helpers = Math.min(parallelism, laneCount) - 1;
        // One wrapper for all helpers: each runs inside the handler's invocation, then drops it.
        Runnable helper = Invocation.wrap(this);
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(helper);
            } catch (RejectedExecutionException e) {
                break; // fewer helpers; the handler thread claims the rest
            }
        }
        workLanes();
        awaitLanes();
        Throwable error = fatal.get();
        if (error instanceof Error) {
            throw (Error) error;
        }
        if (error != null) {
            throw new IllegalStateException("A batch worker failed outside a record handler", error);
        }
    }

    /** The helper workers' entry point. */
    @Override
    public void run() {
        workLanes();
    }

    private void workLanes() {
        int laneCount = lanes.count();
        for (int lane = nextLane.getAndIncrement(); lane < laneCount; lane = nextLane.getAndIncrement()) {
            try {
                if (!stopped) {
                    runLane(lane);
                }
            } catch (Throwable t) { // an Error from a handler: stop, let the handler thread rethrow it
                fatal.compareAndSet(null, t);
                stopped = true;
            } finally {
                lanesDone.countDown();
            }
        }
    }

    private void runLane(int lane) {
        for (int p = lanes.start(lane), end = lanes.end(lane); p < end; p++) {
            if (stopped) {
                return;
            }
            if (!process(lanes.record(p))) {
                if (policy == StopPolicy.STOP_ALL) {
                    stopped = true;
                    return;
                }
                if (policy == StopPolicy.SKIP_GROUP) {
                    return;
                }
            }
        }
    }

    private void awaitLanes() {
        boolean interrupted = false;
        while (true) {
            try {
                lanesDone.await();
                break;
            } catch (InterruptedException e) {
                // Records in flight must finish before we can answer; start no new ones.
                interrupted = true;
                stopped = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean process(int index) {
        R record = records.get(index);
        try {
            engine.handler().handle(record);
        } catch (Exception e) {
            outcomes[index] = FAILED;
            firstFailure.compareAndSet(null, e);
            if (policy == StopPolicy.STOP_ALL) {
                // Before the log line and the failure hook, however long they take: from here on no worker
                // starts a record. Records other workers had already started finish.
                stopped = true;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
            engine.recordFailed(record, ids[index], e);
            return false;
        }
        outcomes[index] = SUCCEEDED;
        engine.recordSucceeded(record, ids[index]);
        return true;
    }
}
