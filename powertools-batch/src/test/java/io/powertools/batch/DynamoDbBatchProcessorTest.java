package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The specification of DynamoDB Streams processing, including how NewImage becomes JSON. */
class DynamoDbBatchProcessorTest {

    /** The fields the fixture's NewImage carries. */
    public static final class Item {
        public String orderId;
        public int quantity;
        public BigDecimal price;
        public boolean gift;
        public List<String> tags;
        public Map<String, Object> address;
        public List<Object> lines;
        public String note;
    }

    @Test
    void reportsFailedAndUnbindableRecordsAndGivesRemoveEventsANullBody() {
        List<String> seen = new CopyOnWriteArrayList<>();
        DynamoDbBatchProcessor processor = DynamoDbBatchProcessor.builder().build(Item.class, (item, record) -> {
            if (item == null) {
                seen.add(record.getEventName() + ":no image");
                return;
            }
            if (item.quantity == 4) {
                throw new IllegalStateException("quantity 4 is cursed");
            }
            seen.add(item.orderId);
        });

        StreamsEventResponse response = processor.process(Events.load("dynamodb.json", DynamodbEvent.class));

        assertThat(Events.ids(response.getBatchItemFailures()))
                .containsExactly("111100000000000000000002", "111100000000000000000003");
        assertThat(seen).containsExactly("d-1", "REMOVE:no image");
    }

    @Test
    void newImageBecomesPlainJson() {
        List<Item> items = new CopyOnWriteArrayList<>();
        DynamoDbBatchProcessor processor = DynamoDbBatchProcessor.builder()
                .build(Item.class, (item, record) -> items.add(item));
        DynamodbEvent event = Events.load("dynamodb.json", DynamodbEvent.class);
        event.setRecords(event.getRecords().subList(0, 1));

        processor.process(event);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.orderId).isEqualTo("d-1");
            assertThat(item.quantity).isEqualTo(1);
            assertThat(item.price).isEqualByComparingTo("12.50");
            assertThat(item.gift).isFalse();
            assertThat(item.tags).containsExactly("a", "b");
            assertThat(item.address).containsEntry("city", "Pune").containsEntry("zip", 411001);
            assertThat(item.lines).containsExactly("x", 3);
            assertThat(item.note).isNull();
        });
    }

    @Test
    void numbersStayExactAndBinaryBecomesBase64() {
        List<JsonNode> trees = new CopyOnWriteArrayList<>();
        DynamodbStreamRecord record = record("1", Map.of(
                "big", new AttributeValue().withN("123456789012345678901234567890"),
                "exp", new AttributeValue().withN("1E+3"),
                "dec", new AttributeValue().withN("0.1"),
                "ns", new AttributeValue().withNS(List.of("1", "2.5")),
                "bin", new AttributeValue().withB(ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)))));

        DynamoDbBatchProcessor.builder().build(new TypeReference<JsonNode>() { }, (tree, r) -> trees.add(tree))
                .process(Events.dynamodb(List.of(record)));

        assertThat(trees).singleElement().satisfies(tree -> {
            assertThat(tree.get("big").bigIntegerValue().toString()).isEqualTo("123456789012345678901234567890");
            assertThat(tree.get("exp").isIntegralNumber()).isTrue();
            assertThat(tree.get("exp").asLong()).isEqualTo(1000);
            assertThat(tree.get("dec").decimalValue()).isEqualByComparingTo("0.1");
            assertThat(tree.get("ns").get(1).decimalValue()).isEqualByComparingTo("2.5");
            assertThat(tree.get("bin").asText()).isEqualTo("aGk=");
        });
    }

    /** Binary attributes bound to bytes and to text. */
    public static final class Blob {
        public byte[] raw;
        public String text;
    }

    @Test
    void binaryAttributesBindToBytesOrBase64Text() {
        List<Blob> blobs = new CopyOnWriteArrayList<>();
        ByteBuffer hi = ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8));
        DynamoDbBatchProcessor.builder().build(Blob.class, (blob, r) -> blobs.add(blob))
                .process(Events.dynamodb(List.of(record("1", Map.of("raw", new AttributeValue().withB(hi),
                        "text", new AttributeValue().withB(hi.duplicate()))))));

        assertThat(blobs).singleElement().satisfies(blob -> {
            assertThat(new String(blob.raw, StandardCharsets.UTF_8)).isEqualTo("hi");
            assertThat(blob.text).isEqualTo("aGk=");
        });
        assertThat(hi.position()).isZero();
    }

    @Test
    void aMalformedNumberFailsOnlyThatRecord() {
        DynamoDbBatchProcessor processor = DynamoDbBatchProcessor.builder().build(Item.class, (item, r) -> { });

        StreamsEventResponse response = processor.process(Events.dynamodb(List.of(
                record("1", Map.of("quantity", new AttributeValue().withN("2"))),
                record("2", Map.of("quantity", new AttributeValue().withN("two"))))));

        assertThat(Events.ids(response.getBatchItemFailures())).containsExactly("2");
    }

    @Test
    void recordWithoutSequenceNumberFailsTheWholeBatch() {
        DynamoDbBatchProcessor processor = DynamoDbBatchProcessor.builder().build(record -> { });
        DynamodbStreamRecord noStreamRecord = new DynamodbStreamRecord();

        assertThatThrownBy(() -> processor.process(Events.dynamodb(List.of(record("1", Map.of()),
                record(null, Map.of()))))).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("DynamoDB Streams record #1 has no dynamodb.SequenceNumber");
        assertThatThrownBy(() -> processor.process(Events.dynamodb(List.of(noStreamRecord))))
                .isInstanceOf(InvalidBatchException.class);
        assertThatThrownBy(() -> processor.process(null)).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("DynamodbEvent is null");
    }

    @Test
    void parallelProcessingReportsEveryFailedSequenceNumber() {
        List<DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(record(String.valueOf(500 + i), Map.of("quantity", new AttributeValue().withN("" + i))));
        }
        DynamoDbBatchProcessor processor = DynamoDbBatchProcessor.builder().parallel(8)
                .build(Item.class, (item, record) -> {
                    if (item.quantity % 10 == 0) {
                        throw new IllegalStateException();
                    }
                });

        StreamsEventResponse response = processor.process(Events.dynamodb(records));

        assertThat(Events.ids(response.getBatchItemFailures()))
                .isEqualTo(Arrays.asList("500", "510", "520", "530", "540", "550", "560", "570", "580", "590"));
    }

    private static DynamodbStreamRecord record(String sequenceNumber, Map<String, AttributeValue> newImage) {
        StreamRecord stream = new StreamRecord();
        stream.setSequenceNumber(sequenceNumber);
        stream.setNewImage(newImage);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setDynamodb(stream);
        record.setEventName("INSERT");
        return record;
    }
}
