package com.example.payments;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQS events for tests, as Java objects and as the JSON Lambda sends. */
final class SqsEvents {

    static final String STANDARD_ARN = "arn:aws:sqs:us-east-1:123456789012:payments";
    static final String FIFO_ARN = "arn:aws:sqs:us-east-1:123456789012:payments.fifo";

    private SqsEvents() {
    }

    /** One message: id, body and, for FIFO queues, the group. */
    record Message(String messageId, String body, String groupId) {

        static Message of(String messageId, String body) {
            return new Message(messageId, body, null);
        }
    }

    static String payment(String paymentId, String orderId, long amountCents) {
        return Json.write(Map.of("paymentId", paymentId, "orderId", orderId, "amountCents", amountCents,
                "currency", "EUR"));
    }

    static SQSEvent event(String queueArn, List<Message> messages) {
        List<SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSMessage record = new SQSMessage();
            record.setMessageId(message.messageId());
            record.setBody(message.body());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAttributes(attributes(message));
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    static String json(String queueArn, List<Message> messages) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Message message : messages) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", "handle-" + message.messageId());
            record.put("body", message.body());
            record.put("attributes", attributes(message));
            record.put("messageAttributes", Map.of());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", "us-east-1");
            records.add(record);
        }
        return Json.write(Map.of("Records", records));
    }

    private static Map<String, String> attributes(Message message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ApproximateReceiveCount", "1");
        attributes.put("SentTimestamp", "1764000000000");
        if (message.groupId() != null) {
            attributes.put("MessageGroupId", message.groupId());
            attributes.put("MessageDeduplicationId", message.messageId());
        }
        return attributes;
    }
}
