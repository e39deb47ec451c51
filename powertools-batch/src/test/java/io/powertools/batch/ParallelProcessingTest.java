package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.batch.internal.WorkerExecutors;
import io.powertools.core.Invocation;
import io.powertools.testing.FakeContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parallel processing: bounded, inside the invocation, robust to a busy or refusing executor. */
class ParallelProcessingTest {

    private static List<SQSMessage> messages(String prefix, int count) {
        List<SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(Events.message(prefix + i, "{}"));
        }
        return messages;
    }

    @Test
    void workersRunInsideTheHandlersInvocationAndLogInIt() {
        Map<String, String> requestIdByMessage = new ConcurrentHashMap<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch overlap = new CountDownLatch(4);
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(4).build(message -> {
            threads.add(Thread.currentThread());
            requestIdByMessage.put(message.getMessageId(), Invocation.require().requestId());
            overlap.countDown();
            overlap.await(10, TimeUnit.SECONDS); // forces four workers to be in flight together
            if (message.getMessageId().endsWith("3")) {
                throw new IllegalStateException("odd failure");
            }
        });

        try (CapturedLogs logs = CapturedLogs.capture()) {
            SQSBatchResponse response = processor.process(Events.sqs(messages("m", 20)),
                    FakeContext.builder().awsRequestId("req-parallel").build());

            assertThat(Events.ids(response.getBatchItemFailures())).containsExactly("m3", "m13");
            assertThat(requestIdByMessage).hasSize(20).allSatisfy((id, req) -> assertThat(req).isEqualTo("req-parallel"));
            assertThat(threads).hasSizeGreaterThanOrEqualTo(4);
            assertThat(logs.lines()).hasSize(2).allSatisfy(line -> assertThat(line.requestId()).isEqualTo("req-parallel"));
        }
    }

    @Test
    void concurrencyIsBoundedByTheConfiguredParallelism() {
        int parallelism = 6;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch full = new CountDownLatch(parallelism);
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(parallelism).build(message -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            full.countDown();
            full.await(10, TimeUnit.SECONDS); // the first wave waits until the bound is reached
            inFlight.decrementAndGet();
        });

        SQSBatchResponse response = processor.process(Events.sqs(messages("m", 60)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(maxInFlight.get()).isEqualTo(parallelism);
    }

    @Test
    void completesOnTheHandlerThreadWhenTheExecutorRejectsEveryTask() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(8)
                .executor(task -> {
                    throw new RejectedExecutionException("full");
                })
                .build(message -> threads.add(Thread.currentThread().getName()));

        SQSBatchResponse response = processor.process(Events.sqs(messages("m", 30)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void completesWhenTheExecutorIsBusyWithOtherWork() throws Exception {
        ExecutorService busy = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            busy.execute(() -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicInteger handled = new AtomicInteger();
            SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(8).executor(busy)
                    .build(message -> handled.incrementAndGet());

            SQSBatchResponse response = processor.process(Events.sqs(messages("m", 25)));

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(handled).hasValue(25);
        } finally {
            release.countDown();
            busy.shutdown();
            assertThat(busy.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void helpersDoNotKeepTheInvocationAfterwards() throws Exception {
        ExecutorService single = Executors.newFixedThreadPool(2);
        try {
            SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(3).executor(single)
                    .build(message -> { });
            processor.process(Events.sqs(messages("m", 10)), FakeContext.builder().awsRequestId("gone").build());

            for (int i = 0; i < 2; i++) {
                assertThat(single.submit(() -> Invocation.current().isPresent()).get(10, TimeUnit.SECONDS)).isFalse();
            }
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void anErrorInAWorkerSurfacesOnTheHandlerThread() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(4).build(message -> {
            if (message.getMessageId().equals("m7")) {
                throw new StackOverflowError("simulated");
            }
        });

        assertThatThrownBy(() -> processor.process(Events.sqs(messages("m", 20))))
                .isInstanceOf(StackOverflowError.class).hasMessage("simulated");
    }

    @Test
    void defaultWorkersAreVirtualOnJava21AndDaemonPlatformThreadsBefore() throws Exception {
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        CountDownLatch overlap = new CountDownLatch(3);
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(3).build(message -> {
            overlap.countDown();
            overlap.await(10, TimeUnit.SECONDS);
            if (Thread.currentThread() != caller) {
                workers.add(Thread.currentThread());
            }
        });

        processor.process(Events.sqs(messages("m", 9)));

        boolean java21 = Runtime.version().feature() >= 21;
        assertThat(WorkerExecutors.virtualThreadsAvailable()).isEqualTo(java21);
        assertThat(workers).isNotEmpty();
        for (Thread worker : workers) {
            if (java21) {
                Method isVirtual = Thread.class.getMethod("isVirtual");
                assertThat((Boolean) isVirtual.invoke(worker)).isTrue();
            } else {
                assertThat(worker.isDaemon()).isTrue();
                assertThat(worker.getName()).startsWith("powertools-batch-");
            }
        }
    }
}
