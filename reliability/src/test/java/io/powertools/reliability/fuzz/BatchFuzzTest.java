package io.powertools.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.powertools.batch.DynamoDbBatchProcessor;
import io.powertools.batch.InvalidBatchException;
import io.powertools.batch.KinesisBatchProcessor;
import io.powertools.batch.SqsBatchProcessor;
import io.powertools.reliability.support.Garbage;
import io.powertools.reliability.support.LogFile;
import io.powertools.testing.FakeContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Random and malformed batches into the SQS, Kinesis and DynamoDB Streams processors, sequential and
 * parallel. For every batch exactly one of two documented outcomes: {@code InvalidBatchException}
 * when the event itself is malformed (no event, no records, a null record, a missing or blank id),
 * or a response that reports every record except those whose handler returned normally. Nothing
 * else escapes, and every line the processors log is one valid JSON object.
 */
class BatchFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 3000);

    /** A typed body: random JSON binds to it, or does not. */
    public static final class Item {
        public String item;
        public long value;
        public boolean fail;
        public List<Integer> tags;
    }

    /** Ids whose handler returned normally, per batch; the handler records them. */
    private final Set<String> succeeded = ConcurrentHashMap.newKeySet();

    private void handle(String id, Object body, Garbage unused) throws Exception {
        if (id == null) {
            throw new AssertionError("a record without an id reached the handler");
        }
        if (body instanceof Item item && item.fail) {
            throw new IllegalStateException("record asked to fail");
        }
        if (body instanceof String text && text.hashCode() % 5 == 0) {
            throw new Exception("checked failure for " + id);
        }
        succeeded.add(id);
    }

    @Test
    void sqsBatchesReportExactlyTheRecordsThatDidNotSucceed() {
        long logOffset = LogFile.size();
        Garbage garbage = new Garbage(SEED);
        List<SqsBatchProcessor> processors = List.of(
                SqsBatchProcessor.builder().build(Item.class, (item, m) -> handle(m.getMessageId(), item, garbage)),
                SqsBatchProcessor.builder().parallel(4).build(Item.class,
                        (item, m) -> handle(m.getMessageId(), item, garbage)),
                SqsBatchProcessor.builder().parallel(3).build(String.class,
                        (text, m) -> handle(m.getMessageId(), text, garbage)),
                SqsBatchProcessor.builder().build(m -> handle(m.getMessageId(), m.getBody(), garbage)));
        int invalid = 0;
        for (int c = 0; c < CASES; c++) {
            SQSEvent event = null;
            boolean malformed = garbage.chance(0.01);
            List<String> ids = new ArrayList<>();
            if (!malformed) {
                event = new SQSEvent();
                if (garbage.chance(0.02)) {
                    malformed = true; // no Records
                } else {
                    List<SQSMessage> messages = new ArrayList<>();
                    for (int i = garbage.nextInt(12); i > 0; i--) {
                        if (garbage.chance(0.01)) {
                            messages.add(null);
                            malformed = true;
                            continue;
                        }
                        SQSMessage message = new SQSMessage();
                        String id = garbage.chance(0.02) ? (garbage.chance(0.5) ? null : " ") : "c" + c + "-" + i;
                        malformed |= id == null || id.isBlank();
                        message.setMessageId(id);
                        message.setBody(sqsBody(garbage));
                        message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:fuzz");
                        messages.add(message);
                        ids.add(id);
                    }
                    event.setRecords(messages);
                }
            }
            succeeded.clear();
            SqsBatchProcessor processor = processors.get(c % processors.size());
            SQSBatchResponse response;
            try {
                response = c % 3 == 0 ? processor.process(event, FakeContext.create()) : processor.process(event);
            } catch (InvalidBatchException e) {
                assertThat(malformed).as("case %d: InvalidBatchException for a well-formed batch: %s", c, e).isTrue();
                invalid++;
                continue;
            }
            assertThat(malformed).as("case %d: a malformed batch was processed", c).isFalse();
            List<String> reported = new ArrayList<>();
            response.getBatchItemFailures().forEach(f -> reported.add(f.getItemIdentifier()));
            List<String> expected = new ArrayList<>(ids);
            expected.removeAll(succeeded);
            assertThat(reported).as("case %d", c).isEqualTo(expected);
        }
        assertThat(invalid).as("malformed batches generated").isPositive();
        LogFile.linesSince(logOffset); // every line written meanwhile is valid JSON
    }

    private static String sqsBody(Garbage garbage) {
        switch (garbage.nextInt(6)) {
            case 0:
                return null;
            case 1:
                return garbage.jsonText();
            case 2:
                return "{\"item\":" + garbage.shallowTree(1) + ",\"value\":" + garbage.shallowTree(0) + ",\"fail\":"
                        + garbage.random().nextBoolean() + "}";
            case 3:
                return "{\"item\":\"x\",\"value\":1,\"tags\":" + garbage.shallowTree(2) + "}";
            default:
                return "{\"item\":\"ok\",\"value\":" + garbage.nextInt(1000) + ",\"fail\":" + garbage.chance(0.2) + "}";
        }
    }

    @Test
    void kinesisBatchesWithArbitraryBytesReportExactlyTheRecordsThatDidNotSucceed() {
        long logOffset = LogFile.size();
        Garbage garbage = new Garbage(SEED + 1);
        List<KinesisBatchProcessor> processors = List.of(
                KinesisBatchProcessor.builder().build(Item.class,
                        (item, r) -> handle(r.getKinesis().getSequenceNumber(), item, garbage)),
                KinesisBatchProcessor.builder().parallel(4).build(String.class,
                        (text, r) -> handle(r.getKinesis().getSequenceNumber(), text, garbage)));
        for (int c = 0; c < CASES; c++) {
            KinesisEvent event = new KinesisEvent();
            boolean malformed = false;
            List<String> ids = new ArrayList<>();
            List<KinesisEventRecord> records = new ArrayList<>();
            for (int i = garbage.nextInt(10); i > 0; i--) {
                KinesisEventRecord record = new KinesisEventRecord();
                KinesisEvent.Record kinesis = new KinesisEvent.Record();
                String id = garbage.chance(0.02) ? "" : String.valueOf(49_000_000L + c * 100L + i);
                malformed |= id.isBlank();
                kinesis.setSequenceNumber(id);
                byte[] bytes;
                if (garbage.chance(0.5)) {
                    bytes = new byte[garbage.nextInt(200)];
                    garbage.random().nextBytes(bytes); // invalid UTF-8 most of the time
                } else {
                    bytes = garbage.jsonText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                kinesis.setData(garbage.chance(0.1) ? ByteBuffer.wrap(bytes).asReadOnlyBuffer()
                        : ByteBuffer.wrap(bytes));
                record.setKinesis(kinesis);
                records.add(record);
                ids.add(id);
            }
            event.setRecords(records);
            succeeded.clear();
            StreamsEventResponse response;
            try {
                response = processors.get(c % 2).process(event);
            } catch (InvalidBatchException e) {
                assertThat(malformed).as("case %d: %s", c, e).isTrue();
                continue;
            }
            assertThat(malformed).as("case %d: a malformed batch was processed", c).isFalse();
            assertThat(reportedIds(response)).as("case %d", c).isEqualTo(expected(ids));
        }
        LogFile.linesSince(logOffset);
    }

    @Test
    void dynamoDbStreamsWithArbitraryImagesReportExactlyTheRecordsThatDidNotSucceed() {
        long logOffset = LogFile.size();
        Garbage garbage = new Garbage(SEED + 2);
        List<DynamoDbBatchProcessor> processors = List.of(
                DynamoDbBatchProcessor.builder().build(Item.class,
                        (item, r) -> handle(r.getDynamodb().getSequenceNumber(), item, garbage)),
                DynamoDbBatchProcessor.builder().parallel(4).build(Map.class,
                        (map, r) -> handle(r.getDynamodb().getSequenceNumber(), map, garbage)));
        for (int c = 0; c < CASES; c++) {
            DynamodbEvent event = new DynamodbEvent();
            boolean malformed = false;
            List<String> ids = new ArrayList<>();
            List<DynamodbStreamRecord> records = new ArrayList<>();
            for (int i = garbage.nextInt(10); i > 0; i--) {
                DynamodbStreamRecord record = new DynamodbStreamRecord();
                StreamRecord stream = new StreamRecord();
                String id = garbage.chance(0.02) ? null : String.valueOf(100_000L + c * 100L + i);
                malformed |= id == null;
                stream.setSequenceNumber(id);
                if (!garbage.chance(0.1)) {
                    Map<String, AttributeValue> image = new HashMap<>();
                    for (int a = garbage.nextInt(5); a > 0; a--) {
                        image.put(a % 2 == 0 ? "item" : garbage.text(), attribute(garbage, 3));
                    }
                    if (garbage.chance(0.3)) {
                        image.put("value", new AttributeValue().withN(garbage.chance(0.5) ? "42" : garbage.text()));
                    }
                    stream.setNewImage(image);
                }
                record.setDynamodb(stream);
                records.add(record);
                ids.add(id);
            }
            event.setRecords(records);
            succeeded.clear();
            StreamsEventResponse response;
            try {
                response = processors.get(c % 2).process(event);
            } catch (InvalidBatchException e) {
                assertThat(malformed).as("case %d: %s", c, e).isTrue();
                continue;
            }
            assertThat(malformed).as("case %d: a malformed batch was processed", c).isFalse();
            assertThat(reportedIds(response)).as("case %d", c).isEqualTo(expected(ids));
        }
        LogFile.linesSince(logOffset);
    }

    private static AttributeValue attribute(Garbage garbage, int depth) {
        switch (depth <= 0 ? 2 + garbage.nextInt(6) : garbage.nextInt(8)) {
            case 0: {
                Map<String, AttributeValue> map = new HashMap<>();
                for (int i = garbage.nextInt(4); i > 0; i--) {
                    map.put(garbage.text(), attribute(garbage, depth - 1));
                }
                return new AttributeValue().withM(map);
            }
            case 1: {
                List<AttributeValue> list = new ArrayList<>();
                for (int i = garbage.nextInt(4); i > 0; i--) {
                    list.add(attribute(garbage, depth - 1));
                }
                return new AttributeValue().withL(list);
            }
            case 2:
                return new AttributeValue().withS(garbage.text());
            case 3:
                return new AttributeValue().withN(garbage.chance(0.5) ? garbage.text()
                        // Extremes DynamoDB can send (38 digits, exponent up to 125), and some it cannot.
                        // Not "1e999999": binding it to a long takes seconds (see docs/reliability.md).
                        : List.of("NaN", "9.9999999999999999999999999999999999999E+125", "-0", "1E-130",
                                "12345678901234567890123456789", "1e400").get(garbage.nextInt(6)));
            case 4: {
                byte[] bytes = new byte[garbage.nextInt(30)];
                garbage.random().nextBytes(bytes);
                return new AttributeValue().withB(ByteBuffer.wrap(bytes));
            }
            case 5:
                return new AttributeValue().withSS(garbage.text(), garbage.text()).withNS("1", garbage.text());
            case 6:
                return new AttributeValue(); // no type at all
            default:
                return new AttributeValue().withNULL(true).withBOOL(garbage.random().nextBoolean());
        }
    }

    private static List<String> reportedIds(StreamsEventResponse response) {
        List<String> reported = new ArrayList<>();
        response.getBatchItemFailures().forEach(f -> reported.add(f.getItemIdentifier()));
        return reported;
    }

    private List<String> expected(List<String> ids) {
        List<String> expected = new ArrayList<>(new LinkedHashSet<>(ids));
        expected.removeAll(succeeded);
        return expected;
    }
}
