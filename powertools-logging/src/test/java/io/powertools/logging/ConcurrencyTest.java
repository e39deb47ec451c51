package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.Invocation;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many invocations at once in one JVM, through the real Log4j2 pipeline: every line must carry the
 * fields of the invocation that wrote it.
 */
class ConcurrencyTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyTest.class);
    private static final Logger BUFFERED = LoggerFactory.getLogger("buffered.concurrency");
    private static final int THREADS = 16;
    private static final int INVOCATIONS = 2000;

    private final ExecutorService handlers = Executors.newFixedThreadPool(THREADS);
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @AfterEach
    void stop() {
        handlers.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void everyLineBelongsToTheInvocationThatWroteIt() throws Exception {
        Map<String, Boolean> sampled = new ConcurrentHashMap<>();
        ExecutorService propagating = Invocation.propagating(workers);
        RequestHandler<Integer, String> handler = PowertoolsLogging.decorate((n, context) -> {
            String id = context.getAwsRequestId();
            sampled.put(id, PowertoolsLogging.isSampled());
            LogKeys.appendKey("inv", id);
            LOG.info("info {}", id);
            LOG.debug("debug {}", id);
            BUFFERED.debug("held {}", id);
            try {
                propagating.submit(() -> LOG.info("worker {}", id)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (n % 10 == 0) {
                throw new IllegalStateException("failure " + id);
            }
            return id;
        }, LoggingOptions.builder().samplingRate(0.5).logError(true).build());

        List<Future<?>> futures = new ArrayList<>();
        Map<String, String> traceRoots = new HashMap<>();
        for (int i = 0; i < INVOCATIONS; i++) {
            int n = i;
            String id = "req-" + i;
            String root = String.format("1-5f000000-%024x", i);
            traceRoots.put(id, root);
            FakeContext context = FakeContext.builder().awsRequestId(id)
                    .xrayTraceId("Root=" + root + ";Parent=0000000000000001;Sampled=1").build();
            futures.add(handlers.submit(() -> {
                try {
                    return handler.handleRequest(n, context);
                } catch (IllegalStateException expected) {
                    return null;
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }

        List<JsonNode> lines = LogLines.take();
        Map<String, Integer> infoLines = new HashMap<>();
        java.util.Set<String> coldIds = new java.util.HashSet<>();
        for (JsonNode line : lines) {
            assertThat(line.has("function_request_id")).as("line outside any invocation: %s", line).isTrue();
            String id = line.get("function_request_id").asText();
            int n = Integer.parseInt(id.substring(4));
            String message = line.get("message").asText();
            assertThat(line.get("xray_trace_id").asText()).isEqualTo(traceRoots.get(id));
            assertThat(line.get("inv").asText()).as("temporary key of another invocation").isEqualTo(id);
            if (line.get("cold_start").asBoolean()) {
                coldIds.add(id);
            }
            assertThat(line.get("sampling_rate").asDouble()).isEqualTo(0.5);
            if (line.has("error")) {
                assertThat(n % 10).isZero();
                assertThat(line.get("error").get("message").asText()).isEqualTo("failure " + id);
                continue;
            }
            assertThat(message).endsWith(" " + id);
            String level = line.get("level").asText();
            if (message.startsWith("debug ")) {
                assertThat(level).isEqualTo("DEBUG");
                assertThat(sampled.get(id)).as("DEBUG in an unsampled invocation %s", id).isTrue();
            } else if (message.startsWith("held ")) {
                assertThat(level).isEqualTo("DEBUG");
                assertThat(n % 10 == 0 || sampled.get(id)).as("buffered line of a successful invocation").isTrue();
            } else {
                assertThat(level).isEqualTo("INFO");
                infoLines.merge(id, 1, Integer::sum);
            }
        }
        // Earlier tests in this JVM may have taken the process's cold start; never more than one invocation has it.
        assertThat(coldIds).hasSizeLessThanOrEqualTo(1);
        assertThat(sampled).hasSize(INVOCATIONS);
        assertThat(sampled.values()).contains(true, false);
        // Each invocation: its own info line and its worker's line; sampled ones their DEBUG line.
        assertThat(infoLines).hasSize(INVOCATIONS).allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
        long debugLines = lines.stream().filter(l -> l.get("message").asText().startsWith("debug ")).count();
        assertThat(debugLines).isEqualTo(sampled.values().stream().filter(s -> s).count());
        long heldLines = lines.stream().filter(l -> l.get("message").asText().startsWith("held ")).count();
        long failedOrSampled = sampled.entrySet().stream()
                .filter(e -> e.getValue() || Integer.parseInt(e.getKey().substring(4)) % 10 == 0).count();
        assertThat(heldLines).isEqualTo(failedOrSampled);
    }
}
