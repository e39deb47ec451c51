package io.powertools.examples.demo;

import io.powertools.core.json.Json;
import io.powertools.testing.InvocationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events the demo sends: API Gateway requests for orders-api, SQS batches for sqs-batch. */
final class Workload {

    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:payments";

    private Workload() {
    }

    /**
     * The API requests: every {@code orders / duplicates}-th order is sent twice in a row (so the
     * copies race), bad requests are spread in between.
     */
    static List<InvocationRequest> orderRequests(DemoConfig config) {
        List<InvocationRequest> requests = new ArrayList<>();
        int duplicateEvery = config.duplicateOrders() == 0 ? Integer.MAX_VALUE
                : Math.max(1, config.orders() / config.duplicateOrders());
        int duplicates = 0;
        int badEvery = config.badRequests() == 0 ? Integer.MAX_VALUE : Math.max(1, config.orders() / config.badRequests());
        int bad = 0;
        for (int i = 0; i < config.orders(); i++) {
            String body = orderBody("order-" + i, 1 + i % 5);
            requests.add(api(body));
            if (i % duplicateEvery == 0 && duplicates < config.duplicateOrders()) {
                requests.add(api(body)); // the client retried at once: same order, new request
                duplicates++;
            }
            if (i % badEvery == badEvery / 2 && bad < config.badRequests()) {
                requests.add(api(bad % 2 == 0 ? "{\"orderId\": \"order-x\", \"items\": " // truncated JSON
                        : orderBody("order-bad-" + bad, 0))); // quantity 0
                bad++;
            }
        }
        return requests;
    }

    /** The SQS batches: each holds one poison message; the redelivered ones repeat earlier messages. */
    static List<InvocationRequest> batchRequests(DemoConfig config) {
        List<InvocationRequest> requests = new ArrayList<>();
        List<Map<String, Object>> delivered = new ArrayList<>();
        for (int b = 0; b < config.batches(); b++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < config.batchSize() - 1; i++) {
                Map<String, Object> record = message("msg-" + b + "-" + i,
                        payment("pay-" + b + "-" + i, "order-" + (b * config.batchSize() + i), 1000 + i));
                records.add(record);
                delivered.add(record);
            }
            // The poison message sits in the middle of the batch; the others must still succeed.
            records.add(records.size() / 2, message(poisonId(b), b % 2 == 0 ? "charge order 17 please"
                    : payment("pay-" + b + "-bad", "order-bad", -100)));
            requests.add(InvocationRequest.of(Json.write(Map.of("Records", records))));
        }
        for (int r = 0; r < config.redeliveredBatches(); r++) {
            List<Map<String, Object>> again = delivered.subList(r * config.batchSize(),
                    Math.min(delivered.size(), (r + 1) * config.batchSize()));
            requests.add(InvocationRequest.of(Json.write(Map.of("Records", again))));
        }
        return requests;
    }

    static String poisonId(int batch) {
        return "msg-" + batch + "-poison";
    }

    private static InvocationRequest api(String body) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", "/orders");
        event.put("path", "/orders");
        event.put("httpMethod", "POST");
        event.put("headers", Map.of("Content-Type", "application/json"));
        event.put("requestContext", Map.of("requestId", "api-" + UUID.randomUUID(), "stage", "Prod"));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return InvocationRequest.of(Json.write(event));
    }

    private static String orderBody(String orderId, int quantity) {
        return Json.write(Map.of("orderId", orderId, "customerId", "customer-" + orderId.hashCode() % 50,
                "items", List.of(Map.of("sku", "BOOK-42", "quantity", quantity, "unitPriceCents", 1999),
                        Map.of("sku", "PEN-7", "quantity", 2, "unitPriceCents", 150))));
    }

    private static String payment(String paymentId, String orderId, long amountCents) {
        return Json.write(Map.of("paymentId", paymentId, "orderId", orderId, "amountCents", amountCents,
                "currency", "EUR"));
    }

    private static Map<String, Object> message(String messageId, String body) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messageId", messageId);
        record.put("receiptHandle", "handle-" + messageId);
        record.put("body", body);
        record.put("attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1764000000000"));
        record.put("messageAttributes", Map.of());
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", QUEUE_ARN);
        record.put("awsRegion", "us-east-1");
        return record;
    }
}
