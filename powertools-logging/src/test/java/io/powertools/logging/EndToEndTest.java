package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.handlers.EndToEndHandler;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.LogLineValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The acceptance run: the woven handler in a child JVM driven by the real Lambda runtime interface
 * client with 16 handler threads, 2,000 invocations mixing sampling, temporary keys, buffering and
 * errors; every stdout line is checked against the invocation that wrote it.
 */
class EndToEndTest {

    private static final int INVOCATIONS = 2000;
    private static final String RIC_BANNER = "Starting 16 concurrent function handler threads.";

    @Test
    void everyLineBelongsToItsInvocationThroughTheRealRuntime() throws Exception {
        Path config = Path.of(EndToEndTest.class.getResource("/log4j2-e2e.xml").toURI());
        List<InvocationRequest> requests = new ArrayList<>();
        Map<String, String> traceRoots = new HashMap<>();
        Set<String> failing = new HashSet<>();
        for (int i = 0; i < INVOCATIONS; i++) {
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            String root = String.format("1-6a000000-%024x", i);
            boolean fail = i % 10 == 7;
            if (fail) {
                failing.add(id);
            }
            traceRoots.put(id, root);
            requests.add(InvocationRequest.builder().requestId(id)
                    .traceId("Root=" + root + ";Parent=0000000000000001;Sampled=1")
                    .payload("{\"n\":" + i + ",\"fail\":" + fail + "}").build());
        }

        Map<String, Boolean> sampled = new HashMap<>();
        List<String> stdout;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(EndToEndHandler.class.getName() + "::handleRequest")
                .classpath(System.getProperty("java.class.path"))
                .maxConcurrency(16)
                .environment("POWERTOOLS_SERVICE_NAME", "e2e")
                .jvmArgs("-Dlog4j2.configurationFile=" + config)
                .invocationTimeout(Duration.ofSeconds(60))
                .start()) {
            List<InvocationResult> results = runtime.invokeAll(requests);
            for (InvocationResult result : results) {
                String id = result.request().requestId();
                assertThat(result.isSuccess()).as("result of %s", id).isEqualTo(!failing.contains(id));
                if (result.isSuccess()) {
                    sampled.put(id, result.response().contains("\"sampled\""));
                }
            }
            stdout = runtime.stdoutLines();
        }

        Map<String, List<JsonNode>> byInvocation = new HashMap<>();
        int initLines = 0;
        for (String raw : stdout) {
            // The RIC 2.9.0 prints "Starting N concurrent function handler threads." without a line
            // break, so the first log line of the run shares its line; that prefix is not ours.
            String text = raw.startsWith(RIC_BANNER) ? raw.substring(raw.indexOf('{') < 0 ? 0 : raw.indexOf('{')) : raw;
            if (!text.startsWith("{")) {
                assertThat(text).as("non-JSON line carrying log fields").doesNotContain("function_request_id");
                continue;
            }
            JsonNode line = LogLineValidator.requireValid(text);
            if (!line.has("function_request_id")) {
                assertThat(line.has("inv")).isFalse();
                assertThat(line.has("cold_start")).isFalse();
                initLines++;
                continue;
            }
            String id = line.get("function_request_id").asText();
            assertThat(line.get("xray_trace_id").asText()).as("trace of %s", id).isEqualTo(traceRoots.get(id));
            assertThat(line.get("inv").asText()).as("temporary key in %s", id).isEqualTo(id);
            assertThat(line.get("service").asText()).isEqualTo("e2e");
            if (!line.has("error")) {
                assertThat(line.get("message").asText()).endsWith(" " + id);
            }
            byInvocation.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
        }

        assertThat(initLines).isGreaterThanOrEqualTo(1);
        assertThat(byInvocation).hasSize(INVOCATIONS);
        int coldInvocations = 0;
        for (Map.Entry<String, List<JsonNode>> entry : byInvocation.entrySet()) {
            String id = entry.getKey();
            List<JsonNode> lines = entry.getValue();
            long cold = lines.stream().filter(l -> l.get("cold_start").asBoolean()).count();
            assertThat(cold).as("cold_start is per invocation").isIn(0L, (long) lines.size());
            if (cold > 0) {
                coldInvocations++;
            }
            boolean failed = failing.contains(id);
            long debug = lines.stream().filter(l -> l.get("message").asText().startsWith("debug ")).count();
            long held = lines.stream().filter(l -> l.get("message").asText().startsWith("held ")).count();
            long errors = lines.stream().filter(l -> l.has("error")).count();
            assertThat(errors).isEqualTo(failed ? 1 : 0);
            if (!failed) {
                boolean wasSampled = sampled.get(id);
                assertThat(debug).as("DEBUG lines of %s (sampled=%s)", id, wasSampled).isEqualTo(wasSampled ? 1 : 0);
                assertThat(held).as("buffered lines of successful %s", id).isEqualTo(wasSampled ? 1 : 0);
            } else {
                assertThat(held).as("buffered lines flushed for failed %s", id).isEqualTo(1);
            }
        }
        assertThat(coldInvocations).isEqualTo(1);
        assertThat(sampled.values()).contains(true, false);
    }
}
