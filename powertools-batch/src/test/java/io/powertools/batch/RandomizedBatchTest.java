package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property: for random batches with random failures, the response lists exactly the failed
 * identifiers (for FIFO, plus the unprocessed ones), sequentially and in parallel, at scale. A
 * lost identifier would mean a failed message deleted from the queue.
 */
class RandomizedBatchTest {

    /** A shared 16-thread executor, as the acceptance criteria ask. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(16);

    /** Identifiers that must fail; read by the handlers below. Reset per batch by the single test thread. */
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void shutdown() throws InterruptedException {
        POOL.shutdownNow();
        POOL.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static void work(String id) {
        for (int i = 0; i < 3; i++) {
            Thread.yield(); // lets workers interleave without sleeping
        }
        if (FAILING.contains(id)) {
            throw new IllegalStateException("fails " + id);
        }
    }

    @ParameterizedTest(name = "{0} batches of {1}, parallelism {2}")
    @CsvSource({"2000, 10, 16", "200, 100, 16", "500, 10, 1"})
    void standardQueueReportsExactlyTheFailedIds(int batches, int size, int parallelism) {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(parallelism).executor(POOL)
                .build(message -> work(message.getMessageId()));
        Random random = new Random(batches * 31L + size);
        for (int b = 0; b < batches; b++) {
            List<SQSMessage> messages = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            FAILING.clear();
            int failureRate = 1 + random.nextInt(4); // from every record failing to one in four
            for (int i = 0; i < size; i++) {
                String id = "b" + b + "-" + i;
                messages.add(Events.message(id, "{}"));
                if (random.nextInt(failureRate) == 0 && random.nextBoolean()) {
                    FAILING.add(id);
                    expected.add(id);
                }
            }

            List<String> reported = Events.ids(processor.process(Events.sqs(messages)).getBatchItemFailures());

            assertThat(reported).as("batch %d", b).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "FIFO skip-group, parallelism {0}")
    @CsvSource({"1", "16"})
    void fifoSkipGroupReportsFailedAndUnprocessedIds(int parallelism) {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(parallelism).executor(POOL)
                .fifoFailureMode(FifoFailureMode.SKIP_FAILED_GROUP)
                .build(message -> work(message.getMessageId()));
        Random random = new Random(99);
        for (int b = 0; b < 500; b++) {
            List<SQSMessage> messages = new ArrayList<>();
            FAILING.clear();
            int size = 1 + random.nextInt(30);
            int groups = 1 + random.nextInt(6);
            for (int i = 0; i < size; i++) {
                String id = "f" + b + "-" + i;
                messages.add(Events.fifoMessage(id, "g" + random.nextInt(groups), "{}"));
                if (random.nextInt(8) == 0) {
                    FAILING.add(id);
                }
            }

            List<String> reported = Events.ids(processor.process(Events.sqs(messages)).getBatchItemFailures());

            assertThat(reported).as("batch %d", b).isEqualTo(SqsFifoTest.expectedSkipGroup(messages, FAILING));
        }
    }

    @Test
    void fifoStopAtFirstFailureSequentialReportsTheFailureAndEverythingAfterIt() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> work(message.getMessageId()));
        Random random = new Random(5);
        for (int b = 0; b < 500; b++) {
            List<SQSMessage> messages = new ArrayList<>();
            FAILING.clear();
            List<String> expected = new ArrayList<>();
            boolean failed = false;
            for (int i = 0; i < 10; i++) {
                String id = "s" + b + "-" + i;
                messages.add(Events.fifoMessage(id, "g" + random.nextInt(3), "{}"));
                if (random.nextInt(10) == 0) {
                    FAILING.add(id);
                    failed = true;
                }
                if (failed) {
                    expected.add(id);
                }
            }

            List<String> reported = Events.ids(processor.process(Events.sqs(messages)).getBatchItemFailures());

            assertThat(reported).as("batch %d", b).isEqualTo(expected);
        }
    }

    @Test
    void kinesisInParallelReportsExactlyTheFailedSequenceNumbers() {
        KinesisBatchProcessor processor = KinesisBatchProcessor.builder().parallel(16).executor(POOL)
                .build(record -> work(record.getKinesis().getSequenceNumber()));
        Random random = new Random(3);
        for (int b = 0; b < 300; b++) {
            List<KinesisEventRecord> records = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            FAILING.clear();
            int size = 1 + random.nextInt(100);
            for (int i = 0; i < size; i++) {
                String sequenceNumber = String.valueOf(49_000_000_000L + b * 1000L + i);
                records.add(Events.kinesisRecord(sequenceNumber, "{}"));
                if (random.nextInt(5) == 0) {
                    FAILING.add(sequenceNumber);
                    expected.add(sequenceNumber);
                }
            }

            List<String> reported = Events.ids(processor.process(Events.kinesis(records)).getBatchItemFailures());

            assertThat(reported).as("batch %d", b).isEqualTo(expected);
        }
    }
}
