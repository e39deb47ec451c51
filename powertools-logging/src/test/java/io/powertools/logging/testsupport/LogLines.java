package io.powertools.logging.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.testing.LogLineValidator;
import io.powertools.testing.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads what the real Log4j2 pipeline wrote and checks EVERY line with {@link LogLineValidator}: one
 * strict JSON object (a member twice is an error), within 256 KB, with the layout's members.
 */
public final class LogLines {

    private LogLines() {
    }

    /** Forgets everything written so far. */
    public static void clear() {
        CaptureAppender.drain();
    }

    /**
     * Takes the lines written since the last call, failing when any line is not exactly one JSON object.
     *
     * @return the parsed lines
     */
    public static List<JsonNode> take() {
        String text = CaptureAppender.drain();
        List<JsonNode> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        assertThat(text).as("output ends with a line break").endsWith("\n");
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            lines.add(LogLineValidator.requireValid(line));
        }
        return lines;
    }

    /**
     * Lines whose message matches.
     *
     * @param lines the lines
     * @param message the message
     * @return the matching lines
     */
    public static List<JsonNode> withMessage(List<JsonNode> lines, String message) {
        return filter(lines, line -> message.equals(line.path("message").asText(null)));
    }

    /**
     * Lines matching a predicate.
     *
     * @param lines the lines
     * @param predicate the predicate
     * @return the matching lines
     */
    public static List<JsonNode> filter(List<JsonNode> lines, Predicate<JsonNode> predicate) {
        return lines.stream().filter(predicate).collect(Collectors.toList());
    }

    /**
     * The JSON lines among what a child JVM printed; other lines (the runtime client's own) are skipped.
     *
     * @param stdout the child's stdout lines
     * @return the parsed JSON lines, failing on a line that starts like JSON but is not
     */
    public static List<JsonNode> jsonLines(List<String> stdout) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout) {
            if (LogLineValidator.looksLikeLogLine(line)) {
                lines.add(LogLineValidator.requireValid(line));
            } else if (line.startsWith("{")) {
                lines.add(StrictJson.parse(line));
            }
        }
        return lines;
    }

    /**
     * The first line with a message, failing when there is none.
     *
     * @param lines the lines
     * @param message the message
     * @return the line
     */
    public static JsonNode first(List<JsonNode> lines, String message) {
        return withMessage(lines, message).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + message + "' in " + lines));
    }
}
