package io.powertools.logging;

import static io.powertools.logging.StructuredArguments.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.internal.LineWriter;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whatever the input, the output stays one valid JSON object per line (LogLines.take checks every line). */
class BadInputTest {

    private static final Logger LOG = LoggerFactory.getLogger(BadInputTest.class);

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @Test
    void quotesNewlinesAndControlCharacters() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        String message = "say \"hi\"\nnext line\r\n\ttab \\ backslash " + controls + "\u007f\u2028";
        LOG.info(message, entry("we\"ird\nkey", "va\"lue\n"));

        List<JsonNode> lines = LogLines.take();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("message").asText()).isEqualTo(message);
        assertThat(lines.get(0).get("we\"ird\nkey").asText()).isEqualTo("va\"lue\n");
    }

    @Test
    void loneSurrogatesStillGiveValidJson() {
        LOG.info("lone \uD800 high and \uDC00 low and pair \uD83D\uDE00", entry("k", "\uDBFF"));
        JsonNode line = LogLines.take().get(0);
        assertThat(line.get("message").asText()).startsWith("lone ").contains("pair \uD83D\uDE00");
    }

    @Test
    void megabytesOfTextAreTruncatedOnOneLine() {
        String huge = "a".repeat(3 * 1024 * 1024);
        LOG.info(huge);
        LOG.info("next");
        List<JsonNode> lines = LogLines.take();
        assertThat(lines).hasSize(2);
        String message = lines.get(0).get("message").asText();
        assertThat(message).hasSize(65536 + LineWriter.TRUNCATED_SUFFIX.length()).endsWith(LineWriter.TRUNCATED_SUFFIX);
    }

    @Test
    void exceptionWithCauseCycleAndHugeStack() {
        IllegalStateException first = new IllegalStateException("first\n\"quoted\"");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);
        LOG.error("cycle", first);
        LOG.error("deep", deepException(3000));

        List<JsonNode> lines = LogLines.take();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("error").get("message").asText()).isEqualTo("first\n\"quoted\"");
        assertThat(lines.get(0).get("error").get("stack").asText()).contains("CIRCULAR");
        assertThat(lines.get(1).get("error").get("name").asText()).isEqualTo(RuntimeException.class.getName());
    }

    @Test
    void eventWithBadValuesIsLoggedAndTheHandlerRuns() {
        Map<String, Object> event = Map.of("text", "line\nbreak \"q\" \uD800", "n", Double.NaN);
        String result = PowertoolsLogging.withLogging(event, FakeContext.create(),
                LoggingOptions.builder().logEvent(true).build(), () -> "ok");
        assertThat(result).isEqualTo("ok");
        JsonNode line = LogLines.withMessage(LogLines.take(), "Handler Event").get(0);
        assertThat(line.get("event").get("text").asText()).startsWith("line\nbreak \"q\" ");
    }

    private static RuntimeException deepException(int depth) {
        if (depth == 0) {
            return new RuntimeException("deep");
        }
        return deepException(depth - 1);
    }
}
