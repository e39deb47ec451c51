package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SamplingTest {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingTest.class);
    private static final LoggingOptions ALWAYS = LoggingOptions.builder().samplingRate(1.0).build();
    private static final LoggingOptions NEVER = LoggingOptions.builder().samplingRate(0.0).build();

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @Test
    void sampledInvocationLogsDebugWithTheRateAndTheGlobalLevelStaysInfo() {
        boolean sampled = PowertoolsLogging.withLogging(null, FakeContext.create(), ALWAYS, () -> {
            LOG.debug("detail");
            return PowertoolsLogging.isSampled();
        });
        LOG.debug("after the invocation");

        assertThat(sampled).isTrue();
        List<JsonNode> lines = LogLines.take();
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("DEBUG");
            assertThat(line.get("sampling_rate").asDouble()).isEqualTo(1.0);
        });
        assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(Level.INFO);
        assertThat(LOG.isDebugEnabled()).isFalse();
    }

    @Test
    void primingInvocationsWriteNoLineAtAnyLevel() {
        ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));
        try (Invocation.Scope priming = environment.openPriming("dummy", FakeContext.create())) {
            PowertoolsLogging.withLogging(null, priming.invocation().context(), ALWAYS, () -> {
                LOG.debug("priming debug");
                LOG.info("priming info");
                LOG.error("priming error");
                return null;
            });
        }
        LOG.info("after priming");

        assertThat(LogLines.take()).extracting(line -> line.get("message").asText()).containsExactly("after priming");
    }

    @Test
    void unsampledInvocationDoesNotLogDebug() {
        PowertoolsLogging.withLogging(null, FakeContext.create(), NEVER, () -> {
            LOG.debug("hidden");
            LOG.info("shown");
            return null;
        });
        List<JsonNode> lines = LogLines.take();
        assertThat(lines).extracting(line -> line.get("message").asText()).containsExactly("shown");
        assertThat(lines.get(0).has("sampling_rate")).isFalse();
    }

    @Test
    void concurrentSampledAndUnsampledInvocationsDoNotAffectEachOther() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch logged = new CountDownLatch(2);
        // Two threads of our own: the common pool may have a single worker on a 2-core machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> sampled = CompletableFuture.runAsync(
                    () -> run(ALWAYS, "sampled", bothInside, logged), threads);
            CompletableFuture<Void> unsampled = CompletableFuture.runAsync(
                    () -> run(NEVER, "unsampled", bothInside, logged), threads);
            sampled.get(30, TimeUnit.SECONDS);
            unsampled.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        List<JsonNode> debug = LogLines.filter(LogLines.take(), line -> line.get("level").asText().equals("DEBUG"));
        assertThat(debug).extracting(line -> line.get("message").asText()).containsExactly("debug from sampled");
        assertThat(debug.get(0).get("function_request_id").asText()).isEqualTo("sampled");
    }

    private static void run(LoggingOptions options, String id, CountDownLatch bothInside, CountDownLatch logged) {
        PowertoolsLogging.withLogging(null, FakeContext.builder().awsRequestId(id).build(), options, () -> {
            bothInside.countDown();
            await(bothInside);
            LOG.debug("debug from {}", id);
            logged.countDown();
            // Stay open until the other invocation logged too, so both are open at the same time.
            await(logged);
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
