package io.powertools.batch;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Event fixtures: JSON files read with the runtime's own event serializers, and builders. */
final class Events {

    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";
    static final String FIFO_ARN = "arn:aws:sqs:us-east-1:123456789012:orders.fifo";

    private Events() {
    }

    /** Reads a fixture the way the Lambda runtime deserializes events (base64 Kinesis data included). */
    static <T> T load(String name, Class<T> type) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader()).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SQSMessage message(String id, String body) {
        SQSMessage message = new SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSourceArn(QUEUE_ARN);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    static SQSMessage fifoMessage(String id, String group, String body) {
        SQSMessage message = new SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSourceArn(FIFO_ARN);
        message.setAttributes(Map.of("MessageGroupId", group, "ApproximateReceiveCount", "1"));
        return message;
    }

    static SQSEvent sqs(List<SQSMessage> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(messages));
        return event;
    }

    static KinesisEvent.KinesisEventRecord kinesisRecord(String sequenceNumber, String data) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setSequenceNumber(sequenceNumber);
        kinesis.setPartitionKey("p");
        kinesis.setData(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)));
        KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
        record.setKinesis(kinesis);
        record.setEventSource("aws:kinesis");
        return record;
    }

    static KinesisEvent kinesis(List<KinesisEvent.KinesisEventRecord> records) {
        KinesisEvent event = new KinesisEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    static DynamodbEvent dynamodb(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    static List<String> ids(List<?> failures) {
        List<String> ids = new ArrayList<>();
        for (Object failure : failures) {
            if (failure instanceof com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure) {
                ids.add(((com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure) failure)
                        .getItemIdentifier());
            } else {
                ids.add(((com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure) failure)
                        .getItemIdentifier());
            }
        }
        return ids;
    }
}
