package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The specification of FIFO processing: order within groups, and what happens after a failure. */
class SqsFifoTest {

    /** The fixture holds groups A, B, C interleaved: A1 B1 A2 C1 B2 A3 C2 B3; A2 carries sku FAIL. */
    private static SQSEvent fixture() {
        return Events.load("sqs-fifo.json", SQSEvent.class);
    }

    private static void failOnSku(Order order, SQSMessage message) {
        if ("FAIL".equals(order.sku)) {
            throw new IllegalStateException("cannot ship " + order.orderId);
        }
    }

    @Test
    void byDefaultStopsAtTheFirstFailureAndReportsItWithEveryUnprocessedMessage() {
        List<String> processed = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(Order.class, (order, message) -> {
            processed.add(order.orderId);
            failOnSku(order, message);
        });

        SQSBatchResponse response = processor.process(fixture());

        assertThat(processed).containsExactly("A1", "B1", "A2");
        assertThat(Events.ids(response.getBatchItemFailures()))
                .containsExactly("fifo-A2", "fifo-C1", "fifo-B2", "fifo-A3", "fifo-C2", "fifo-B3");
    }

    @Test
    void skipFailedGroupKeepsProcessingOtherGroups() {
        List<String> processed = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder().fifoFailureMode(FifoFailureMode.SKIP_FAILED_GROUP)
                .build(Order.class, (order, message) -> {
                    processed.add(order.orderId);
                    failOnSku(order, message);
                });

        SQSBatchResponse response = processor.process(fixture());

        assertThat(processed).containsExactly("A1", "B1", "A2", "C1", "B2", "C2", "B3");
        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly("fifo-A2", "fifo-A3");
    }

    @Test
    void unreadableFifoBodyCountsAsTheGroupsFailure() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().fifoFailureMode(FifoFailureMode.SKIP_FAILED_GROUP)
                .build(Order.class, (order, message) -> { });

        SQSBatchResponse response = processor.process(Events.sqs(List.of(Events.fifoMessage("g1-1", "g1", "{}"),
                Events.fifoMessage("g1-2", "g1", "nope"), Events.fifoMessage("g2-1", "g2", "{}"),
                Events.fifoMessage("g1-3", "g1", "{}"))));

        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly("g1-2", "g1-3");
    }

    @Test
    void standardQueueWithMessageGroupsIsNotTreatedAsFifo() {
        // Standard (fair) queues may carry MessageGroupId; only a .fifo source means ordering.
        SQSMessage first = Events.fifoMessage("m1", "g", "{}");
        first.setEventSourceArn(Events.QUEUE_ARN);
        SQSMessage second = Events.fifoMessage("m2", "g", "{}");
        second.setEventSourceArn(Events.QUEUE_ARN);
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            if (message.getMessageId().equals("m1")) {
                throw new IllegalStateException();
            }
        });

        assertThat(Events.ids(processor.process(Events.sqs(List.of(first, second))).getBatchItemFailures()))
                .containsExactly("m1");
    }

    @Test
    void parallelFifoRunsGroupsConcurrently() {
        int groups = 4;
        CountDownLatch allGroupsStarted = new CountDownLatch(groups);
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(groups).build(message -> {
            if (message.getMessageId().endsWith("-0")) {
                allGroupsStarted.countDown();
                // Only possible if every group's first message is in flight at once.
                if (!allGroupsStarted.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("groups did not run concurrently");
                }
            }
        });
        List<SQSMessage> messages = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int g = 0; g < groups; g++) {
                messages.add(Events.fifoMessage("g" + g + "-" + k, "g" + g, "{}"));
            }
        }

        SQSBatchResponse response = processor.process(Events.sqs(messages));

        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void parallelFifoKeepsOrderWithinEachGroupAndNeverRunsAGroupTwiceAtOnce() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<SQSMessage> messages = new ArrayList<>();
            Map<String, List<String>> expectedOrder = new ConcurrentHashMap<>();
            for (int i = 0; i < 200; i++) {
                String group = "g" + random.nextInt(25);
                String id = "r" + round + "-m" + i;
                messages.add(Events.fifoMessage(id, group, "{}"));
                expectedOrder.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            }
            Map<String, List<String>> seenOrder = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
            AtomicInteger overlaps = new AtomicInteger();
            SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(16).build(message -> {
                String group = message.getAttributes().get("MessageGroupId");
                AtomicInteger running = inFlight.computeIfAbsent(group, g -> new AtomicInteger());
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seenOrder.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>()).add(message.getMessageId());
                Thread.yield();
                running.decrementAndGet();
            });

            SQSBatchResponse response = processor.process(Events.sqs(messages));

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(overlaps.get()).isZero();
            assertThat(seenOrder).isEqualTo(expectedOrder);
        }
    }

    @Test
    void parallelSkipFailedGroupReportsExactlyEachFailedGroupsTail() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            List<SQSMessage> messages = new ArrayList<>();
            Set<String> failing = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 60; i++) {
                String id = "m" + i;
                messages.add(Events.fifoMessage(id, "g" + random.nextInt(8), "{}"));
                if (random.nextInt(10) == 0) {
                    failing.add(id);
                }
            }
            SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(8)
                    .fifoFailureMode(FifoFailureMode.SKIP_FAILED_GROUP)
                    .build(message -> {
                        if (failing.contains(message.getMessageId())) {
                            throw new IllegalStateException("boom");
                        }
                    });

            List<String> reported = Events.ids(processor.process(Events.sqs(messages)).getBatchItemFailures());

            assertThat(reported).containsExactlyElementsOf(expectedSkipGroup(messages, failing));
        }
    }

    @Test
    void parallelStopAtFirstFailureNeverProcessesAGroupPastAFailureAndLosesNothing() {
        Random random = new Random(13);
        for (int round = 0; round < 50; round++) {
            List<SQSMessage> messages = new ArrayList<>();
            Set<String> failing = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 60; i++) {
                messages.add(Events.fifoMessage("m" + i, "g" + random.nextInt(8), "{}"));
                if (random.nextInt(15) == 0) {
                    failing.add("m" + i);
                }
            }
            Set<String> succeeded = ConcurrentHashMap.newKeySet();
            Set<String> attempted = ConcurrentHashMap.newKeySet();
            SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(8).build(message -> {
                assertThat(attempted.add(message.getMessageId())).isTrue();
                if (failing.contains(message.getMessageId())) {
                    throw new IllegalStateException("boom");
                }
                succeeded.add(message.getMessageId());
            });

            List<String> reported = Events.ids(processor.process(Events.sqs(messages)).getBatchItemFailures());

            List<String> expected = new ArrayList<>();
            Map<String, Boolean> groupFailed = new ConcurrentHashMap<>();
            for (SQSMessage message : messages) {
                String id = message.getMessageId();
                String group = message.getAttributes().get("MessageGroupId");
                if (groupFailed.containsKey(group)) {
                    assertThat(attempted).as("%s ran after its group failed", id).doesNotContain(id);
                }
                if (failing.contains(id) && attempted.contains(id)) {
                    groupFailed.put(group, true);
                }
                if (!succeeded.contains(id)) {
                    expected.add(id);
                }
            }
            assertThat(reported).containsExactlyElementsOf(expected);
            if (!Collections.disjoint(failing, attempted)) {
                assertThat(reported).isNotEmpty();
            }
        }
    }

    static List<String> expectedSkipGroup(List<SQSMessage> messages, Set<String> failing) {
        Set<String> failedGroups = new java.util.HashSet<>();
        List<String> expected = new ArrayList<>();
        for (SQSMessage message : messages) {
            String group = message.getAttributes().get("MessageGroupId");
            if (failedGroups.contains(group)) {
                expected.add(message.getMessageId());
            } else if (failing.contains(message.getMessageId())) {
                failedGroups.add(group);
                expected.add(message.getMessageId());
            }
        }
        return expected;
    }
}
