package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.core.Invocation;
import io.powertools.testing.FakeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several invocations share one processor at once (Lambda Managed Instances), each processing its
 * batches in parallel: every record must run in its own invocation, and every failure must be
 * reported to the invocation that owns it.
 */
class ConcurrentInvocationsTest {

    private static final int INVOCATIONS = 8;
    private static final int BATCHES_PER_INVOCATION = 25;
    private static final int RECORDS = 40;

    /** Built once, shared by every handler thread, as a function would hold it in a static field. */
    private static final Map<String, String> ATTRIBUTION = new ConcurrentHashMap<>();
    private static final SqsBatchProcessor PROCESSOR = SqsBatchProcessor.builder().parallel(8).build(message -> {
        String owner = Invocation.require().requestId();
        ATTRIBUTION.put(message.getMessageId(), owner);
        Thread.yield();
        if (message.getBody().equals("fail")) {
            throw new IllegalStateException("failed in " + owner);
        }
    });

    @Test
    void noRecordIsAttributedToAnotherInvocationAndNoFailureCrossesOver() throws Exception {
        ExecutorService handlers = Executors.newFixedThreadPool(INVOCATIONS);
        CyclicBarrier start = new CyclicBarrier(INVOCATIONS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < INVOCATIONS; n++) {
                int handler = n;
                results.add(handlers.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int checked = 0;
                    for (int b = 0; b < BATCHES_PER_INVOCATION; b++) {
                        String requestId = "req-" + handler + "-" + b;
                        List<SQSMessage> messages = new ArrayList<>();
                        List<String> expectedFailures = new ArrayList<>();
                        for (int r = 0; r < RECORDS; r++) {
                            String id = requestId + "/m" + r;
                            boolean fail = (r * 31 + handler * 7 + b) % 5 == 0;
                            messages.add(Events.message(id, fail ? "fail" : "ok"));
                            if (fail) {
                                expectedFailures.add(id);
                            }
                        }
                        List<String> reported = Events.ids(PROCESSOR.process(Events.sqs(messages),
                                FakeContext.builder().awsRequestId(requestId).build()).getBatchItemFailures());
                        assertThat(reported).isEqualTo(expectedFailures);
                        assertThat(Invocation.current()).isEmpty();
                        checked += messages.size();
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }

            assertThat(total).isEqualTo(INVOCATIONS * BATCHES_PER_INVOCATION * RECORDS);
            assertThat(ATTRIBUTION).hasSize(total);
            ATTRIBUTION.forEach((messageId, owner) ->
                    assertThat(messageId).as("record attributed to %s", owner).startsWith(owner + "/"));
        } finally {
            handlers.shutdownNow();
        }
    }
}
