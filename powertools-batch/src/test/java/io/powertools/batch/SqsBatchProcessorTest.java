package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.core.Invocation;
import io.powertools.testing.FakeContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The specification of standard-queue processing, sequential unless stated. */
class SqsBatchProcessorTest {

    private static final String OK_1 = "059f36b4-87a3-44ab-83d2-661975830a7d";
    private static final String FAILS = "2e1424d4-f796-459a-8184-9c92662be6da";
    private static final String POISON = "9d5d3a63-3b4c-4b8e-9b1e-1f1a0a4b7f3e";
    private static final String OK_4 = "c80e8021-a70a-42c7-a470-796e1186f753";

    private static void failOnSku(Order order, SQSMessage message) {
        if ("FAIL".equals(order.sku)) {
            throw new IllegalStateException("cannot ship " + order.orderId);
        }
    }

    @Test
    void reportsExactlyTheFailedAndUnreadableMessagesOfAMixedBatch() {
        List<String> shipped = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(Order.class, (order, message) -> {
            failOnSku(order, message);
            shipped.add(order.orderId);
        });

        SQSBatchResponse response = processor.process(Events.load("sqs-standard.json", SQSEvent.class));

        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly(FAILS, POISON);
        assertThat(shipped).containsExactly("o-1", "o-4");
    }

    @Test
    void answersAnEmptyListNotNullWhenEverythingSucceeded() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> { });

        SQSBatchResponse response = processor.process(Events.sqs(List.of(Events.message("a", "1"),
                Events.message("b", "2"))));

        assertThat(response.getBatchItemFailures()).isNotNull().isEmpty();
    }

    @Test
    void emptyBatchIsAnEmptyResponseEvenWhenAllFailedThrows() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().whenAllFail(AllFailedPolicy.THROW)
                .build(message -> { });

        assertThat(processor.process(Events.sqs(List.of())).getBatchItemFailures()).isEmpty();
    }

    @Test
    void unreadableBodyFailsOnlyThatMessageAndLogsTheReasonWithTheMessageId() {
        List<Throwable> causes = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder()
                .onFailure((message, cause) -> causes.add(cause))
                .build(Order.class, (order, message) -> { });

        try (CapturedLogs logs = CapturedLogs.capture()) {
            SQSBatchResponse response = processor.process(Events.load("sqs-standard.json", SQSEvent.class));

            assertThat(Events.ids(response.getBatchItemFailures())).containsExactly(POISON);
            assertThat(causes).singleElement().isInstanceOf(RecordDeserializationException.class)
                    .satisfies(c -> assertThat(c.getMessage()).contains(Order.class.getName()));
            assertThat(logs.lines()).singleElement().satisfies(line -> {
                assertThat(line.level().name()).isEqualTo("WARN");
                assertThat(line.message()).contains("SQS record " + POISON).contains("cannot be read as")
                        .doesNotContain("{this is not json");
            });
        }
    }

    @Test
    void missingOrNullJsonBodyIsAFailedItemNotACrash() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(Order.class, (order, message) -> { });

        SQSBatchResponse response = processor.process(Events.sqs(List.of(Events.message("no-body", null),
                Events.message("null-body", "null"), Events.message("empty", ""),
                Events.message("wrong-shape", "[1,2]"), Events.message("fine", "{\"orderId\":\"x\"}"))));

        assertThat(Events.ids(response.getBatchItemFailures()))
                .containsExactly("no-body", "null-body", "empty", "wrong-shape");
    }

    @Test
    void stringBodyTypeReceivesTheRawBody() {
        List<String> bodies = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder()
                .build(String.class, (body, message) -> bodies.add(body));

        processor.process(Events.sqs(List.of(Events.message("a", "plain text, not JSON"))));

        assertThat(bodies).containsExactly("plain text, not JSON");
    }

    @Test
    void hooksSeeEveryOutcomeAndAThrowingHookDoesNotChangeIt() {
        List<String> succeeded = new CopyOnWriteArrayList<>();
        Map<String, Throwable> failed = new ConcurrentHashMap<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder()
                .onSuccess(message -> {
                    succeeded.add(message.getMessageId());
                    throw new IllegalStateException("success hook bug");
                })
                .onFailure((message, cause) -> {
                    failed.put(message.getMessageId(), cause);
                    throw new IllegalStateException("failure hook bug");
                })
                .build(Order.class, SqsBatchProcessorTest::failOnSku);

        try (CapturedLogs logs = CapturedLogs.capture()) {
            SQSBatchResponse response = processor.process(Events.load("sqs-standard.json", SQSEvent.class));

            assertThat(Events.ids(response.getBatchItemFailures())).containsExactly(FAILS, POISON);
            assertThat(succeeded).containsExactly(OK_1, OK_4);
            assertThat(failed).containsOnlyKeys(FAILS, POISON);
            assertThat(failed.get(FAILS)).isInstanceOf(IllegalStateException.class).hasMessage("cannot ship o-2");
            assertThat(logs.messages()).filteredOn(m -> m.contains("hook threw")).hasSize(4);
        }
    }

    @Test
    void allFailedReportsEveryMessageByDefault() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            throw new IllegalStateException("down");
        });

        SQSBatchResponse response = processor.process(Events.load("sqs-standard.json", SQSEvent.class));

        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly(OK_1, FAILS, POISON, OK_4);
    }

    @Test
    void allFailedThrowsAClearExceptionWhenConfigured() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().whenAllFail(AllFailedPolicy.THROW)
                .build(message -> {
                    throw new IllegalStateException("database down");
                });

        assertThatThrownBy(() -> processor.process(Events.load("sqs-standard.json", SQSEvent.class)))
                .isInstanceOf(BatchFailedException.class)
                .hasMessageContaining("All 4 records of the SQS batch failed")
                .hasRootCauseMessage("database down")
                .satisfies(e -> assertThat(((BatchFailedException) e).recordCount()).isEqualTo(4));
    }

    @Test
    void oneSuccessIsEnoughToAnswerNormallyUnderThrowPolicy() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().whenAllFail(AllFailedPolicy.THROW)
                .build(message -> {
                    if (!message.getMessageId().equals("ok")) {
                        throw new IllegalStateException("x");
                    }
                });

        SQSBatchResponse response = processor.process(Events.sqs(List.of(Events.message("bad1", ""),
                Events.message("ok", ""), Events.message("bad2", ""))));

        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly("bad1", "bad2");
    }

    @Test
    void nullEventIsAClearErrorAndNothingRuns() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            throw new AssertionError("must not run");
        });

        assertThatThrownBy(() -> processor.process(null)).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("SQSEvent is null");
        assertThatThrownBy(() -> processor.process(new SQSEvent())).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("no \"Records\" list");
    }

    @Test
    void messageWithoutIdFailsTheWholeBatchBeforeAnythingRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> ran.add(message.getMessageId()));

        for (String badId : Arrays.asList(null, "", "  ")) {
            SQSEvent event = Events.sqs(List.of(Events.message("a", "{}"), Events.message(badId, "{}")));
            assertThatThrownBy(() -> processor.process(event)).isInstanceOf(InvalidBatchException.class)
                    .hasMessageContaining("record #1 has no messageId");
        }
        List<SQSMessage> withNull = new ArrayList<>(List.of(Events.message("a", "{}")));
        withNull.add(null);
        assertThatThrownBy(() -> processor.process(Events.sqs(withNull))).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("record #1 is null");
        assertThat(ran).isEmpty();
    }

    @Test
    void processWithContextRunsRecordsInsideTheHandlersInvocationAndClosesIt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.builder()
                .build(message -> seen.add(Invocation.require().requestId()));

        processor.process(Events.sqs(List.of(Events.message("a", ""), Events.message("b", ""))),
                FakeContext.builder().awsRequestId("req-42").build());

        assertThat(seen).containsExactly("req-42", "req-42");
        assertThat(Invocation.current()).isEmpty();
    }

    @Test
    void processJoinsAnInvocationAnOuterUtilityOpened() {
        FakeContext context = FakeContext.builder().awsRequestId("outer").build();
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> { });
        try (Invocation.Scope scope = Invocation.open(null, context)) {
            processor.process(Events.sqs(List.of(Events.message("a", ""))), context);

            assertThat(Invocation.current()).containsSame(scope.invocation());
            assertThat(scope.invocation().isOpen()).isTrue();
        }
    }

    @Test
    void anErrorFromTheHandlerIsNotSwallowed() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            throw new OutOfMemoryError("simulated");
        });

        assertThatThrownBy(() -> processor.process(Events.sqs(List.of(Events.message("a", "")))))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void invalidParallelismIsRejectedAtBuildTime() {
        assertThatThrownBy(() -> SqsBatchProcessor.builder().parallel(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1");
        assertThatThrownBy(() -> SqsBatchProcessor.builder().build((RecordHandler<SQSMessage>) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void responseNeverHoldsABlankIdentifier() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            throw new IllegalStateException();
        });

        SQSBatchResponse response = processor.process(Events.load("sqs-standard.json", SQSEvent.class));

        assertThat(Events.ids(response.getBatchItemFailures())).allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(Collections.frequency(Events.ids(response.getBatchItemFailures()), null)).isZero();
    }
}
