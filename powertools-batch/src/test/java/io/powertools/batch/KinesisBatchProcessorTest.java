package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The specification of Kinesis processing. */
class KinesisBatchProcessorTest {

    private static final String SEQ_1 = "49590338271490256608559692538361571095921575989136588898";
    private static final String SEQ_2 = "49590338271490256608559692540925702759324208523137515618";
    private static final String SEQ_3 = "49590338271490256608559692541116346817342153208931991554";
    private static final String SEQ_4 = "49590338271490256608559692541567546817342153208931991555";

    @Test
    void reportsTheSequenceNumbersOfFailedAndUnreadableRecords() {
        List<String> handled = new CopyOnWriteArrayList<>();
        KinesisBatchProcessor processor = KinesisBatchProcessor.builder().build(Order.class, (order, record) -> {
            if ("FAIL".equals(order.sku)) {
                throw new IllegalStateException("cannot ship");
            }
            handled.add(order.orderId + "/" + order.quantity);
        });

        StreamsEventResponse response = processor.process(Events.load("kinesis.json", KinesisEvent.class));

        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly(SEQ_2, SEQ_3);
        assertThat(handled).containsExactly("k-1/1", "k-4/3");
    }

    @Test
    void everyRecordIsProcessedAfterAFailure() {
        List<String> handled = new CopyOnWriteArrayList<>();
        KinesisBatchProcessor processor = KinesisBatchProcessor.builder().build(record -> {
            handled.add(record.getKinesis().getSequenceNumber());
            throw new IllegalStateException();
        });

        StreamsEventResponse response = processor.process(Events.load("kinesis.json", KinesisEvent.class));

        assertThat(handled).containsExactly(SEQ_1, SEQ_2, SEQ_3, SEQ_4);
        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly(SEQ_1, SEQ_2, SEQ_3, SEQ_4);
    }

    @Test
    void readingTheBodyLeavesTheBufferUntouchedAndStringGivesUtf8Text() {
        List<String> texts = new CopyOnWriteArrayList<>();
        KinesisEventRecord record = Events.kinesisRecord("1", "héllo");
        ByteBuffer direct = ByteBuffer.allocateDirect(5);
        direct.put("plain".getBytes(StandardCharsets.UTF_8)).flip();
        KinesisEventRecord directRecord = Events.kinesisRecord("2", "");
        directRecord.getKinesis().setData(direct);
        KinesisBatchProcessor processor = KinesisBatchProcessor.builder()
                .build(String.class, (text, r) -> texts.add(text));

        processor.process(Events.kinesis(List.of(record, directRecord)));

        assertThat(texts).containsExactly("héllo", "plain");
        assertThat(record.getKinesis().getData().position()).isZero();
        assertThat(direct.position()).isZero();
    }

    @Test
    void directBuffersAreReadAsJsonToo() {
        List<Order> orders = new CopyOnWriteArrayList<>();
        byte[] json = "{\"orderId\":\"d\",\"quantity\":9}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(json.length);
        direct.put(json).flip();
        KinesisEventRecord record = Events.kinesisRecord("1", "");
        record.getKinesis().setData(direct);

        KinesisBatchProcessor.builder().build(Order.class, (order, r) -> orders.add(order))
                .process(Events.kinesis(List.of(record)));

        assertThat(orders).singleElement().satisfies(o -> assertThat(o.quantity).isEqualTo(9));
    }

    @Test
    void missingDataFailsOnlyThatRecord() {
        KinesisEventRecord noData = Events.kinesisRecord("2", "");
        noData.getKinesis().setData(null);
        KinesisBatchProcessor processor = KinesisBatchProcessor.builder().build(Order.class, (order, r) -> { });

        StreamsEventResponse response = processor.process(Events.kinesis(List.of(Events.kinesisRecord("1", "{}"),
                noData)));

        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly("2");
    }

    @Test
    void recordWithoutSequenceNumberFailsTheWholeBatchBeforeAnythingRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        KinesisBatchProcessor processor = KinesisBatchProcessor.builder()
                .build(record -> ran.add(record.getKinesis().getSequenceNumber()));
        KinesisEventRecord noKinesis = new KinesisEventRecord();

        assertThatThrownBy(() -> processor.process(Events.kinesis(List.of(Events.kinesisRecord("1", "{}"),
                Events.kinesisRecord(null, "{}"))))).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("Kinesis record #1 has no kinesis.sequenceNumber");
        assertThatThrownBy(() -> processor.process(Events.kinesis(List.of(noKinesis))))
                .isInstanceOf(InvalidBatchException.class).hasMessageContaining("record #0");
        assertThatThrownBy(() -> processor.process(null)).isInstanceOf(InvalidBatchException.class);
        assertThatThrownBy(() -> processor.process(new KinesisEvent())).isInstanceOf(InvalidBatchException.class);
        assertThat(ran).isEmpty();
    }

    @Test
    void parallelProcessingReportsWhatSequentialProcessingReports() {
        List<KinesisEventRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(Events.kinesisRecord(String.valueOf(1_000_000 + i), "{\"quantity\":" + i + "}"));
        }
        BodyHandler<Order, KinesisEventRecord> handler = (order, record) -> {
            if (order.quantity % 7 == 3) {
                throw new IllegalStateException();
            }
        };
        KinesisBatchProcessor sequential = KinesisBatchProcessor.builder().build(Order.class, handler);
        KinesisBatchProcessor parallel = KinesisBatchProcessor.builder().parallel(16).build(Order.class, handler);

        List<String> expected = Events.ids(sequential.process(Events.kinesis(records)).getBatchItemFailures());
        List<String> actual = Events.ids(parallel.process(Events.kinesis(records)).getBatchItemFailures());

        assertThat(expected).hasSize(43).first().isEqualTo("1000003");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void allFailedThrowsWhenConfigured() {
        KinesisBatchProcessor processor = KinesisBatchProcessor.builder().whenAllFail(AllFailedPolicy.THROW)
                .parallel(4).build(record -> {
                    throw new IllegalStateException("stream consumer down");
                });

        assertThatThrownBy(() -> processor.process(Events.load("kinesis.json", KinesisEvent.class)))
                .isInstanceOf(BatchFailedException.class).hasMessageContaining("All 4 records of the Kinesis batch")
                .hasRootCauseMessage("stream consumer down");
    }
}
