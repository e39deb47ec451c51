package io.powertools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.testing.EmfValidator;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of the module: the woven {@code @FlushMetrics} handler run by the real Lambda
 * runtime interface client in its own JVM with 16 handler threads, 2,000 invocations each adding
 * unique values. Every EMF line on the child's stdout is valid, holds only its own invocation's
 * values and request id, and exactly one ColdStart blob exists although the first 16 invocations
 * started at the same moment.
 */
class EndToEndRuntimeTest {

    private static final int INVOCATIONS = 2000;
    private static final int CONCURRENCY = 16;

    private static int valuesOf(int id) {
        return id % 10 == 0 ? 130 : 3; // every tenth invocation splits into two blobs
    }

    @Test
    void twoThousandConcurrentInvocationsThroughTheRealRuntimeClient() {
        List<InvocationRequest> requests = new ArrayList<>();
        for (int id = 0; id < INVOCATIONS; id++) {
            requests.add(InvocationRequest.builder().requestId("e2e-" + id)
                    .payload("{\"id\":" + id + ",\"values\":" + valuesOf(id) + "}").build());
        }
        List<InvocationResult> results;
        List<String> stdout;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.metrics.handlers.BarrierHandler::handleRequest")
                .maxConcurrency(CONCURRENCY)
                .functionName("metrics-e2e")
                .invocationTimeout(Duration.ofSeconds(60))
                .start()) {
            results = runtime.invokeAll(requests);
            stdout = runtime.stdoutLines();
        }
        for (int id = 0; id < INVOCATIONS; id++) {
            InvocationResult result = results.get(id);
            assertThat(result.isSuccess()).as("invocation %d: %s", id, result).isTrue();
            assertThat(result.response()).isEqualTo("\"ok-" + id + "\"");
        }

        List<JsonNode> blobs = new ArrayList<>();
        for (String line : stdout) {
            int start = line.indexOf("{\"_aws\"");
            if (start < 0) {
                continue;
            }
            // Locally (no telemetry pipe) the runtime client's own log messages have no newline, so
            // its "Starting 16 concurrent function handler threads." can precede an EMF line on the
            // same stdout line. On Lambda each write is its own log event. Such a prefix is never
            // part of another blob: nothing JSON-like may precede ours.
            String prefix = line.substring(0, start);
            assertThat(prefix).as("text before an EMF line").doesNotContain("{", "}", "\"");
            blobs.add(EmfValidator.requireValid(line.substring(start).trim()));
        }
        List<JsonNode> coldStarts = blobs.stream().filter(b -> b.has("ColdStart")).toList();
        assertThat(coldStarts).hasSize(1);
        assertThat(coldStarts.get(0).get("FunctionName").asText()).isEqualTo("metrics-e2e");
        assertThat(coldStarts.get(0).get("Service").asText()).isEqualTo("annotated-svc");

        Map<Integer, List<Long>> valuesById = new HashMap<>();
        for (JsonNode blob : blobs) {
            if (blob.has("ColdStart")) {
                continue;
            }
            String requestId = blob.get("function_request_id").asText();
            int id = Integer.parseInt(requestId.substring("e2e-".length()));
            assertThat(blob.get("xray_trace_id").asText()).isNotBlank();
            List<Long> values = valuesById.computeIfAbsent(id, k -> new ArrayList<>());
            JsonNode value = blob.get("Value");
            for (JsonNode v : value.isArray() ? value : List.of(value)) {
                assertThat(v.asLong() / 1000).as("value %s in blob of %s", v, requestId).isEqualTo(id);
                values.add(v.asLong());
            }
        }
        assertThat(valuesById).hasSize(INVOCATIONS);
        Set<String> traceIds = new HashSet<>();
        blobs.stream().filter(b -> !b.has("ColdStart")).forEach(b -> traceIds.add(b.get("xray_trace_id").asText()));
        assertThat(traceIds).hasSize(INVOCATIONS); // one trace per invocation, never a neighbour's
        valuesById.forEach((id, values) -> {
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < valuesOf(id); i++) {
                expected.add(id * 1000L + i);
            }
            assertThat(values).as("values of invocation %d", id).isEqualTo(expected);
        });
    }
}
