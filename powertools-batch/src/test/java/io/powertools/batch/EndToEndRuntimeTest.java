package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertools.batch.e2e.SqsBatchHandler;
import io.powertools.core.json.Json;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.StrictJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SQS batches with poison messages through the real Lambda runtime interface client at
 * concurrency 8, each batch processed in parallel: the serialized responses list exactly the
 * failed message ids, and every record ran in its own invocation.
 */
class EndToEndRuntimeTest {

    private static final int INVOCATIONS = 64;
    private static final int BATCH = 10;
    private static final Pattern LINE = Pattern.compile("(record|failed) (\\S+) in (\\S+) on (\\S+)");

    @Test
    void poisonMessagesAreReportedPerInvocationThroughTheRealRuntime() {
        List<InvocationRequest> requests = new ArrayList<>();
        Map<String, List<String>> expectedFailures = new HashMap<>();
        for (int i = 0; i < INVOCATIONS; i++) {
            String requestId = String.format("00000000-0000-4000-8000-%012d", i);
            ArrayNode records = Json.toTree(List.of()).deepCopy();
            List<String> failures = new ArrayList<>();
            for (int m = 0; m < BATCH; m++) {
                String messageId = requestId + "-m" + m;
                String body;
                if (m == i % BATCH) {
                    body = "{poison";
                    failures.add(messageId);
                } else if (m == (i + 3) % BATCH && i % 2 == 0) {
                    body = "{\"orderId\":\"" + messageId + "\",\"sku\":\"FAIL\"}";
                    failures.add(messageId);
                } else {
                    body = "{\"orderId\":\"" + messageId + "\",\"sku\":\"BOOK\",\"quantity\":1}";
                }
                ObjectNode record = records.addObject();
                record.put("messageId", messageId);
                record.put("receiptHandle", "AQEB" + m);
                record.put("body", body);
                record.putObject("attributes").put("ApproximateReceiveCount", "1");
                record.putObject("messageAttributes");
                record.put("eventSource", "aws:sqs");
                record.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:orders");
                record.put("awsRegion", "us-east-1");
            }
            failures.sort(null);
            expectedFailures.put(requestId, failures);
            ObjectNode event = Json.toTree(Map.of()).deepCopy();
            event.set("Records", records);
            requests.add(InvocationRequest.builder().requestId(requestId).payload(Json.write(event)).build());
        }

        List<String> stdout;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(SqsBatchHandler.class.getName() + "::handleRequest")
                .classpath(System.getProperty("java.class.path"))
                .maxConcurrency(8)
                .invocationTimeout(Duration.ofSeconds(60))
                .start()) {
            List<InvocationResult> results = runtime.invokeAll(requests);
            for (InvocationResult result : results) {
                String requestId = result.request().requestId();
                assertThat(result.isSuccess()).as("invocation %s: %s", requestId, result.error()).isTrue();
                JsonNode response = StrictJson.parse(result.response()); // a repeated member is an error
                assertThat(response.fieldNames()).toIterable().containsExactly("batchItemFailures");
                List<String> reported = new ArrayList<>();
                for (JsonNode failure : response.get("batchItemFailures")) {
                    assertThat(failure.fieldNames()).toIterable().containsExactly("itemIdentifier");
                    reported.add(failure.get("itemIdentifier").asText());
                }
                reported.sort(null);
                assertThat(reported).as("failures of %s", requestId).isEqualTo(expectedFailures.get(requestId));
            }
            stdout = runtime.stdoutLines();
        }

        Set<String> processed = new HashSet<>();
        Set<String> threads = new HashSet<>();
        int failedLines = 0;
        for (String line : stdout) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.find()) {
                continue;
            }
            String messageId = matcher.group(2);
            String requestId = matcher.group(3);
            assertThat(messageId).as("record attributed to %s", requestId).startsWith(requestId + "-m");
            threads.add(matcher.group(4));
            if (matcher.group(1).equals("record")) {
                assertThat(processed.add(messageId)).as("%s processed once", messageId).isTrue();
            } else {
                failedLines++;
            }
        }
        int expectedFailed = expectedFailures.values().stream().mapToInt(List::size).sum();
        // Poison bodies never reach the handler; every other message does, exactly once.
        assertThat(processed).hasSize(INVOCATIONS * BATCH - INVOCATIONS);
        assertThat(failedLines).isEqualTo(expectedFailed);
        assertThat(threads).as("handler threads and batch workers").hasSizeGreaterThan(8);
    }
}
