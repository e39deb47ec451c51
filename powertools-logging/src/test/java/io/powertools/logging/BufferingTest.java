package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The logger "buffered" goes through {@code <PowertoolsBuffering bufferAtLevel="DEBUG" maxBytes="4096">}. */
class BufferingTest {

    private static final Logger LOG = LoggerFactory.getLogger("buffered.orders");

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @Test
    void successfulInvocationDiscardsBufferedLines() {
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            LOG.debug("held");
            LOG.info("written");
            return null;
        });
        assertThat(LogLines.take()).extracting(line -> line.get("message").asText()).containsExactly("written");
    }

    @Test
    void errorLogFlushesBufferedLinesFirstWithTheirInvocationFields() {
        PowertoolsLogging.withLogging(null, FakeContext.builder().awsRequestId("req-err").build(),
                LoggingOptions.defaults(), () -> {
                    LOG.debug("step 1");
                    LOG.debug("step 2");
                    LOG.error("failed");
                    LOG.debug("after error");
                    return null;
                });
        List<JsonNode> lines = LogLines.take();
        assertThat(lines).extracting(line -> line.get("message").asText()).containsExactly("step 1", "step 2", "failed");
        assertThat(lines).allSatisfy(line -> assertThat(line.get("function_request_id").asText()).isEqualTo("req-err"));
    }

    @Test
    void uncaughtExceptionFlushesBufferedLines() {
        assertThatThrownBy(() -> PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(),
                () -> {
                    LOG.debug("before failure");
                    throw new IllegalStateException("boom");
                })).hasMessage("boom");
        assertThat(LogLines.take()).extracting(line -> line.get("message").asText()).containsExactly("before failure");
    }

    @Test
    void uncaughtExceptionDiscardsBufferedLinesWhenFlushingOnErrorIsOff() {
        LoggingOptions discarding = LoggingOptions.builder().flushBufferOnUncaughtError(false).build();
        assertThatThrownBy(() -> PowertoolsLogging.withLogging(null, FakeContext.create(), discarding,
                () -> {
                    LOG.debug("before failure");
                    LOG.info("written");
                    throw new IllegalStateException("boom");
                })).hasMessage("boom");
        assertThat(LogLines.take()).extracting(line -> line.get("message").asText()).containsExactly("written");
    }

    @Test
    void overflowEvictsOldestAndWarnsWithTheDroppedCount() {
        String padding = "x".repeat(100);
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            for (int i = 0; i < 40; i++) {
                LOG.debug("line {} {}", i, padding);
            }
            LOG.error("failed");
            return null;
        });
        List<JsonNode> lines = LogLines.take();
        JsonNode warning = lines.get(0);
        assertThat(warning.get("level").asText()).isEqualTo("WARN");
        int dropped = Integer.parseInt(warning.get("message").asText().replaceAll("^(\\d+) .*", "$1"));
        assertThat(warning.get("message").asText()).contains("dropped").contains("maxBytes=4096");
        List<JsonNode> kept = LogLines.filter(lines, line -> line.get("level").asText().equals("DEBUG"));
        assertThat(dropped + kept.size()).isEqualTo(40);
        assertThat(dropped).isPositive();
        // Oldest first: the kept lines are the last ones, in order.
        assertThat(kept.get(kept.size() - 1).get("message").asText()).startsWith("line 39 ");
        assertThat(kept.get(0).get("message").asText()).startsWith("line " + dropped + " ");
        assertThat(lines.get(lines.size() - 1).get("message").asText()).isEqualTo("failed");
    }

    @Test
    void nothingIsBufferedOutsideAnInvocation() {
        LOG.debug("during init");
        assertThat(LogLines.take()).extracting(line -> line.get("message").asText()).containsExactly("during init");
    }

    @Test
    void sampledInvocationsWriteDirectly() {
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.builder().samplingRate(1.0).build(),
                () -> {
                    LOG.debug("sampled detail");
                    return null;
                });
        assertThat(LogLines.take()).extracting(line -> line.get("message").asText()).containsExactly("sampled detail");
    }
}
