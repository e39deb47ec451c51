package io.powertools.benchmarks.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.batch.SqsBatchProcessor;
import io.powertools.benchmarks.support.BenchContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 6: a batch of 100 SQS records whose handler waits 20 ms each (simulated I/O), processed
 * with {@code parallel(16)}, sequentially, and with a plain {@code parallelStream()} (whose common
 * pool has one worker per core: one on this 2-core machine). The ideal at parallelism 16 is
 * 100 x 20 ms / 16 = 125 ms; goal: at most 1.25x that.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BatchParallelismBenchmark {

    /** Records per batch. */
    public static final int RECORDS = 100;
    /** Simulated I/O per record. */
    public static final long IO_MILLIS = 20;
    /** Workers of the parallel processor. */
    public static final int PARALLELISM = 16;

    private final SQSEvent event = event();
    private final Context context = BenchContext.create();
    private final SqsBatchProcessor parallel = SqsBatchProcessor.builder().parallel(PARALLELISM)
            .build(BatchParallelismBenchmark::simulatedIo);
    private final SqsBatchProcessor sequential = SqsBatchProcessor.builder()
            .build(BatchParallelismBenchmark::simulatedIo);

    private static SQSEvent event() {
        List<SQSMessage> records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            SQSMessage message = new SQSMessage();
            message.setMessageId("m-" + i);
            message.setBody("{\"id\":" + i + "}");
            message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:orders");
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static void simulatedIo(SQSMessage message) throws InterruptedException {
        Thread.sleep(IO_MILLIS);
    }

    /**
     * This library, 16 workers inside the invocation.
     *
     * @return the response
     */
    @Benchmark
    public SQSBatchResponse parallel16() {
        return parallel.process(event, context);
    }

    /**
     * This library, one record after the other.
     *
     * @return the response
     */
    @Benchmark
    public SQSBatchResponse sequential() {
        return sequential.process(event, context);
    }

    /**
     * A plain parallel stream over the records (no failure reporting), for comparison.
     *
     * @return the number of records processed
     */
    @Benchmark
    public long parallelStream() {
        // mapToLong, not peek + count: count() of a sized stream skips the peek entirely.
        return event.getRecords().parallelStream().mapToLong(message -> {
            try {
                simulatedIo(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }).sum();
    }
}
