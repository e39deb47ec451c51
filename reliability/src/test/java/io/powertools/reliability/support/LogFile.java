package io.powertools.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test JVM's real Log4j2 output: the File appender of log4j2-test.xml with the library's JSON
 * template. Tests remember the size before they run and parse every line written since.
 */
public final class LogFile {

    private static final com.fasterxml.jackson.databind.ObjectMapper GRAMMAR =
            new com.fasterxml.jackson.databind.ObjectMapper(Lenient.factory());

    private static JsonNode parse(String line) {
        try {
            JsonNode node = GRAMMAR.readTree(line);
            if (node == null || !node.isObject()) {
                throw new AssertionError("Log line is not a JSON object: " + line);
            }
            return node;
        } catch (IOException e) {
            throw new AssertionError("Log line is not valid JSON (" + e.getMessage() + "): "
                    + (line.length() > 1000 ? line.substring(0, 1000) + "..." : line), e);
        }
    }

    private LogFile() {
    }

    public static Path path() {
        return Path.of(System.getProperty("reliability.logFile", "target/fuzz-logs/powertools.jsonl"));
    }

    public static long size() {
        try {
            return Files.exists(path()) ? Files.size(path()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every line written since {@code offset}, each parsed as one JSON object (RFC 8259 grammar;
     * duplicate names are tolerated here: keys that differ only by unpaired surrogates are written as
     * the same name, see docs/reliability.md); the text must end with a line break.
     *
     * @throws AssertionError naming the first line that is not valid JSON
     */
    public static List<JsonNode> linesSince(long offset) {
        byte[] all;
        try {
            all = Files.readAllBytes(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        if (!text.endsWith("\n")) {
            throw new AssertionError("The log output does not end with a line break");
        }
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            lines.add(parse(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line));
        }
        return lines;
    }
}
