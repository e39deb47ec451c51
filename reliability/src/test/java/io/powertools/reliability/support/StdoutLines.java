package io.powertools.reliability.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.powertools.testing.EmfValidator;
import java.util.ArrayList;
import java.util.List;

/** The child JVM's stdout split into JSON log lines, EMF blobs and other text. */
public final class StdoutLines {

    private static final ObjectMapper STRICT = JsonMapper.builder(Lenient.factory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    public final List<JsonNode> logLines = new ArrayList<>();
    public final List<JsonNode> blobs = new ArrayList<>();
    public final List<String> other = new ArrayList<>();

    private StdoutLines() {
    }

    /**
     * Splits the lines. RIC 2.9.0 prints "Starting N concurrent function handler threads." without a
     * line break, so the first line of a run may carry that prefix: it is cut at the first brace.
     * Every line that starts with a brace must be one valid JSON object (EMF blobs: valid EMF).
     *
     * @throws AssertionError for a line that looks like JSON but is not
     */
    public static StdoutLines parse(List<String> stdout) {
        StdoutLines lines = new StdoutLines();
        for (String raw : stdout) {
            String line = raw;
            if (line.startsWith("Starting ") && line.indexOf('{') > 0) {
                line = line.substring(line.indexOf('{'));
            }
            if (!line.startsWith("{")) {
                lines.other.add(line);
            } else if (EmfValidator.looksLikeEmf(line)) {
                lines.blobs.add(EmfValidator.requireValid(line));
            } else {
                lines.logLines.add(json(line));
            }
        }
        return lines;
    }

    /** Parses one log line strictly: one object, no duplicate keys. */
    public static JsonNode json(String line) {
        try {
            JsonNode node = STRICT.readTree(line);
            if (node == null || !node.isObject()) {
                throw new AssertionError("Log line is not a JSON object: " + line);
            }
            return node;
        } catch (java.io.IOException e) {
            throw new AssertionError("Log line is not valid JSON (" + e.getMessage() + "): "
                    + (line.length() > 1000 ? line.substring(0, 1000) + "..." : line), e);
        }
    }
}
