package com.example.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.example.payments.SqsEvents.Message;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.FakeContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both handlers in-process on dynalite (DynamoDbTestServerExtension): which messages are reported, what is charged. */
class PaymentsHandlerTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static PaymentsHandler standard;
    private static FifoPaymentsHandler fifo;

    @BeforeAll
    static void setUp() {
        LocalFunctions.createTables(DYNAMO);
        PaymentProcessor processor = LocalFunctions.processor(DYNAMO);
        standard = new PaymentsHandler(processor);
        fifo = new FifoPaymentsHandler(processor);
    }

    @Test
    void reportsOnlyThePoisonMessagesAndChargesTheRestOnce() {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(Message.of("m-" + i, SqsEvents.payment("p-std-" + i, "o-" + i, 100 + i)));
        }
        batch.add(Message.of("m-not-json", "charge order o-9 please"));
        batch.add(Message.of("m-negative", SqsEvents.payment("p-std-neg", "o-10", -5)));

        SQSBatchResponse first = standard.handleRequest(SqsEvents.event(SqsEvents.STANDARD_ARN, batch),
                FakeContext.create());

        assertThat(first.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("m-not-json", "m-negative");
        int charged = LocalFunctions.count(DYNAMO, LocalFunctions.PAYMENTS_TABLE);

        // SQS delivers the good messages again (say the function timed out after charging):
        // nothing is charged twice, and the batch succeeds.
        List<Message> redelivered = batch.subList(0, 8);
        SQSBatchResponse second = standard.handleRequest(SqsEvents.event(SqsEvents.STANDARD_ARN, redelivered),
                FakeContext.create());

        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(LocalFunctions.count(DYNAMO, LocalFunctions.PAYMENTS_TABLE)).isEqualTo(charged);
    }

    @Test
    void theSamePaymentTwiceInOneParallelBatchIsChargedOnce() {
        String body = SqsEvents.payment("p-twice", "o-twice", 4200);
        List<Message> batch = List.of(Message.of("m-a", body), Message.of("m-b", body));
        int before = LocalFunctions.count(DYNAMO, LocalFunctions.PAYMENTS_TABLE);

        SQSBatchResponse response = standard.handleRequest(SqsEvents.event(SqsEvents.STANDARD_ARN, batch),
                FakeContext.create());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(LocalFunctions.count(DYNAMO, LocalFunctions.PAYMENTS_TABLE)).isEqualTo(before + 1);
    }

    @Test
    void fifoHoldsBackOnlyTheFailedGroup() {
        List<Message> batch = List.of(
                new Message("f-1", SqsEvents.payment("p-fifo-a1", "A", 10), "A"),
                new Message("f-2", SqsEvents.payment("p-fifo-b1", "B", 10), "B"),
                new Message("f-3", SqsEvents.payment("p-fifo-a2", "A", 0), "A"),  // invalid: amount 0
                new Message("f-4", SqsEvents.payment("p-fifo-b2", "B", 10), "B"),
                new Message("f-5", SqsEvents.payment("p-fifo-a3", "A", 10), "A"));

        SQSBatchResponse response = fifo.handleRequest(SqsEvents.event(SqsEvents.FIFO_ARN, batch),
                FakeContext.create());

        // A's failed message and the A message after it come back, in order; B is done.
        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("f-3", "f-5");
    }
}
