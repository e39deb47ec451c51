package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLineValidatorTest {

    private static final String INIT_LINE = "{\"level\":\"INFO\",\"message\":\"ready\",\"timestamp\":\"2026-12-07T23:40:01.123Z\","
            + "\"logger\":\"com.example.Handler\",\"service\":\"orders\"}";

    private static String invocationLine(String extra) {
        return "{\"level\":\"WARN\",\"message\":\"m\",\"timestamp\":\"2026-12-07T23:40:01.123Z\",\"logger\":\"l\","
                + "\"service\":\"orders\",\"cold_start\":false,\"function_name\":\"orders\",\"function_memory_size\":512,"
                + "\"function_request_id\":\"req-1\",\"xray_trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\"" + extra + "}";
    }

    @Test
    void linesAsTheLayoutWritesThemHaveNoProblems() {
        assertThat(LogLineValidator.looksLikeLogLine(INIT_LINE)).isTrue();
        assertThat(LogLineValidator.problems(INIT_LINE + "\n")).isEmpty();
        String withError = invocationLine(",\"error\":{\"name\":\"java.lang.IllegalStateException\",\"message\":null,"
                + "\"stack\":\"java.lang.IllegalStateException\\n\\tat x\"},\"sampling_rate\":0.5,\"orderId\":\"o-1\"");
        assertThat(LogLineValidator.problems(withError)).isEmpty();
        assertThat(LogLineValidator.requireValid(withError).get("orderId").asText()).isEqualTo("o-1");
        byte[] bytes = (withError + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(LogLineValidator.requireValid(bytes, 0, bytes.length).get("function_request_id").asText())
                .isEqualTo("req-1");
    }

    @Test
    void aMemberWrittenTwiceIsAnErrorEvenWhenBothValuesAgree() {
        assertThat(LogLineValidator.problems(invocationLine(",\"function_request_id\":\"forged\"")))
                .anyMatch(p -> p.contains("duplicate"));
        assertThat(LogLineValidator.problems(invocationLine(",\"level\":\"WARN\"")))
                .anyMatch(p -> p.contains("duplicate"));
    }

    @Test
    void namesEveryBrokenPromise() {
        assertThat(LogLineValidator.problems("{\"message\":1,\"timestamp\":\"yesterday\",\"service\":null}"))
                .anyMatch(p -> p.startsWith("level missing"))
                .anyMatch(p -> p.startsWith("message missing or neither text nor null"))
                .anyMatch(p -> p.startsWith("timestamp is not ISO-8601"))
                .anyMatch(p -> p.startsWith("logger missing"))
                .anyMatch(p -> p.startsWith("service missing"));
        assertThat(LogLineValidator.problems(INIT_LINE.replace("}", ",\"function_request_id\":\"r\"}")))
                .contains("cold_start missing in a line of an invocation",
                        "function_memory_size missing in a line of an invocation");
        assertThat(LogLineValidator.problems(invocationLine(",\"tenant_id\":null,\"sampling_rate\":0")))
                .anyMatch(p -> p.startsWith("tenant_id is not text"))
                .anyMatch(p -> p.startsWith("sampling_rate is not a number above 0"));
        assertThat(LogLineValidator.problems(invocationLine(",\"error\":{\"name\":\"X\"}")))
                .anyMatch(p -> p.startsWith("error.stack missing"))
                .anyMatch(p -> p.startsWith("error.message missing"));
        assertThat(LogLineValidator.problems("[1]")).contains("root is not an object");
        assertThat(LogLineValidator.problems(INIT_LINE + INIT_LINE)).anyMatch(p -> p.startsWith("not JSON"));
        assertThat(LogLineValidator.problems(INIT_LINE.replace("ready", "two\nlines")))
                .contains("line contains a line break inside");
    }

    @Test
    void sizeIsCountedInUtf8BytesAsWritten() {
        // 100,000 characters, but 300,000 bytes as UTF-8: over the limit although the character count is not.
        String wide = INIT_LINE.replace("ready", "\u20ac".repeat(100_000));
        assertThat(wide.length()).isLessThan(LogLineValidator.MAX_LINE_BYTES);
        assertThat(LogLineValidator.problems(wide)).anyMatch(p -> p.contains("bytes as UTF-8"));
        byte[] bytes = wide.getBytes(StandardCharsets.UTF_8);
        assertThat(LogLineValidator.problems(bytes, 0, bytes.length)).anyMatch(p -> p.contains("bytes as UTF-8"));

        String padded = INIT_LINE.replace("ready", "x".repeat(LogLineValidator.MAX_LINE_BYTES - INIT_LINE.length() + 5));
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(LogLineValidator.MAX_LINE_BYTES);
        assertThat(LogLineValidator.problems(padded + "\n")).as("the newline is not part of the event").isEmpty();
        String oneOver = INIT_LINE.replace("ready", "x".repeat(LogLineValidator.MAX_LINE_BYTES - INIT_LINE.length() + 6));
        assertThat(LogLineValidator.problems(oneOver))
                .containsExactly("line has 262145 bytes as UTF-8; CloudWatch keeps at most 262144 per event");
    }

    @Test
    void aLoneSurrogateOrMalformedUtf8IsNotAValidLine() {
        assertThat(LogLineValidator.problems(INIT_LINE.replace("ready", "a\ud800b")))
                .contains("line is not valid UTF-8: unpaired surrogate at index 28");
        assertThat(LogLineValidator.problems(INIT_LINE.replace("ready", "a\\ud800b")))
                .as("written as a JSON escape, a lone surrogate is valid").isEmpty();
        byte[] bytes = INIT_LINE.getBytes(StandardCharsets.UTF_8);
        bytes[30] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        assertThat(LogLineValidator.problems(bytes, 0, bytes.length)).anyMatch(p -> p.startsWith("line is not valid UTF-8"));
        assertThatThrownBy(() -> LogLineValidator.requireValid(bytes, 0, bytes.length))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Invalid log line");
    }
}
