package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void everyRecordDecidesFifoNotOnlyTheFirst() {
        // The first record lost its ARN; the others say FIFO. Treated as standard, A2 would run after A1 failed.
        SQSMessage a1 = Events.fifoMessage("A1", "A", "{}");
        a1.setEventSourceArn(null);
        List<String> processed = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            processed.add(message.getMessageId());
            if (message.getMessageId().equals("A1")) {
                throw new IllegalStateException("A1 fails");
            }
        });

        assertThatThrownBy(() -> processor.process(Events.sqs(List.of(a1, Events.fifoMessage("B1", "B", "{}"),
                Events.fifoMessage("A2", "A", "{}")))))
                .isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("record #0").hasMessageContaining("eventSourceARN");
        assertThat(processed).as("nothing runs when the batch is refused").isEmpty();
    }

    @Test
    void aBatchMixingFifoAndStandardRecordsIsRefused() {
        SQSMessage standard = Events.message("S1", "{}");
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> { });

        assertThatThrownBy(() -> processor.process(Events.sqs(List.of(Events.fifoMessage("F1", "g", "{}"), standard))))
                .isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("record #1").hasMessageContaining(".fifo");
        assertThatThrownBy(() -> processor.process(Events.sqs(List.of(standard, Events.fifoMessage("F1", "g", "{}")))))
                .isInstanceOf(InvalidBatchException.class).hasMessageContaining("record #1");
    }

    @Test
    void messageGroupsWithoutAnyArnAreRefusedAndPlainMessagesWithoutArnAreStandard() {
        SQSMessage grouped = Events.fifoMessage("G1", "g", "{}");
        grouped.setEventSourceArn(null);
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            if (message.getMessageId().equals("P1")) {
                throw new IllegalStateException("P1 fails");
            }
        });

        // A MessageGroupId alone cannot tell a FIFO queue from a fair standard queue, and order matters.
        assertThatThrownBy(() -> processor.process(Events.sqs(List.of(grouped))))
                .isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("record #0").hasMessageContaining("MessageGroupId");

        SQSMessage p1 = Events.message("P1", "{}");
        p1.setEventSourceArn(null);
        SQSMessage p2 = Events.message("P2", "{}");
        p2.setEventSourceArn(null);
        assertThat(Events.ids(processor.process(Events.sqs(List.of(p1, p2))).getBatchItemFailures()))
                .containsExactly("P1");
    }

    @Test
    void aFifoMessageWithoutGroupIsRefused() {
        SQSMessage orphan = Events.fifoMessage("F2", "g", "{}");
        orphan.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> { });

        assertThatThrownBy(() -> processor.process(Events.sqs(List.of(Events.fifoMessage("F1", "g", "{}"), orphan))))
                .isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("record #1").hasMessageContaining("MessageGroupId");
    }

    @Test
    void stopAtFirstFailureStartsNothingOnceTheFailureIsKnownWhateverTheHookDoes() throws Exception {
        for (int round = 0; round < 3; round++) {
            CountDownLatch b1Started = new CountDownLatch(1);
            CountDownLatch hookStarted = new CountDownLatch(1);
            CountDownLatch b2Started = new CountDownLatch(1);
            List<String> started = new CopyOnWriteArrayList<>();
            SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(2)
                    .onFailure((message, cause) -> {
                        hookStarted.countDown();
                        try {
                            // A slow hook: it waits up to half a second for another message to start.
                            b2Started.await(500, TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })
                    .build(message -> {
                        String id = message.getMessageId();
                        started.add(id);
                        switch (id) {
                            case "A1" -> {
                                // Both groups are in flight when A1 fails.
                                assertThat(b1Started.await(10, TimeUnit.SECONDS)).isTrue();
                                throw new IllegalStateException("A1 fails");
                            }
                            case "B1" -> {
                                b1Started.countDown();
                                // B1 ends only after the failure is known: its worker must not start B2.
                                assertThat(hookStarted.await(10, TimeUnit.SECONDS)).isTrue();
                            }
                            case "B2" -> b2Started.countDown();
                            default -> { }
                        }
                    });

            List<String> reported = Events.ids(processor.process(Events.sqs(List.of(
                    Events.fifoMessage("A1", "A", "{}"), Events.fifoMessage("B1", "B", "{}"),
                    Events.fifoMessage("A2", "A", "{}"), Events.fifoMessage("B2", "B", "{}"))))
                    .getBatchItemFailures());

            assertThat(started).as("round %d", round).containsExactlyInAnyOrder("A1", "B1");
            assertThat(reported).containsExactly("A1", "A2", "B2");
        }
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
