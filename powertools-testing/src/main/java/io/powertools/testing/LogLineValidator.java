package io.powertools.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one printed log line against what powertools-logging promises, independently of the
 * layout that wrote it, so tests can check what a function really printed:
 *
 * <ul>
 *   <li>the line: exactly one JSON object, parsed strictly ({@link StrictJson}: a member twice in
 *       one object is an error, so no value can be forged by a duplicate), no line break inside,
 *       valid UTF-8 (no unpaired surrogate), at most {@value #MAX_LINE_BYTES} bytes as written
 *       (without its newline): CloudWatch Logs' largest event;</li>
 *   <li>the members every line has: {@code level} (TRACE to FATAL), {@code message} (text or null),
 *       {@code timestamp} (ISO-8601 UTC with milliseconds), {@code logger}, {@code service};</li>
 *   <li>the Lambda members, with their types, never null: a line with {@code function_request_id}
 *       also has {@code cold_start} (boolean) and {@code function_memory_size} (number);
 *       {@code function_name}, {@code function_version}, {@code function_arn},
 *       {@code xray_trace_id}, {@code tenant_id}, {@code correlation_id} are text when present,
 *       {@code sampling_rate} a number above 0 and at most 1;</li>
 *   <li>{@code error}, when present: an object with {@code name} and {@code stack} as text and
 *       {@code message} as text or null.</li>
 * </ul>
 *
 * <pre>{@code
 * runtime.stdoutLines().stream()
 *         .filter(LogLineValidator::looksLikeLogLine)
 *         .forEach(LogLineValidator::requireValid);
 * }</pre>
 */
public final class LogLineValidator {

    /** CloudWatch Logs' largest log event: 256 KB, in UTF-8 bytes as written. */
    public static final int MAX_LINE_BYTES = 256 * 1024;

    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final List<String> ALWAYS_TEXT = List.of("timestamp", "logger", "service");
    private static final List<String> OPTIONAL_TEXT = List.of("function_name", "function_version", "function_arn",
            "function_request_id", "xray_trace_id", "tenant_id", "correlation_id");

    private LogLineValidator() {
    }

    /**
     * Whether a line is meant to be a log line: a JSON object whose first member is {@code level},
     * as the Powertools layouts print it.
     *
     * @param line one line of output
     * @return true for lines to validate as log lines
     */
    public static boolean looksLikeLogLine(String line) {
        return line.startsWith("{\"level\"");
    }

    /**
     * Validates a line as text.
     *
     * @param line the line, with or without its terminating newline
     * @return the problems; empty when the line keeps every promise
     */
    public static List<String> problems(String line) {
        List<String> problems = new ArrayList<>();
        String body = WrittenLine.withoutNewline(line);
        int surrogate = WrittenLine.unpairedSurrogate(body);
        if (surrogate >= 0) {
            // Such a string has no UTF-8 form: whatever prints it writes a replacement or fails.
            problems.add("line is not valid UTF-8: unpaired surrogate at index " + surrogate);
        }
        checkSize(body.getBytes(StandardCharsets.UTF_8).length, problems);
        checkText(body, problems);
        return problems;
    }

    /**
     * Validates a line as written (the UTF-8 bytes standard output received).
     *
     * @param line the buffer
     * @param offset where the line starts
     * @param length its length, terminating newline included or not
     * @return the problems; empty when the line keeps every promise
     */
    public static List<String> problems(byte[] line, int offset, int length) {
        List<String> problems = new ArrayList<>();
        int size = WrittenLine.lengthWithoutNewline(line, offset, length);
        checkSize(size, problems);
        String body;
        try {
            body = WrittenLine.decodeStrictly(line, offset, size);
        } catch (CharacterCodingException e) {
            problems.add("line is not valid UTF-8: " + e);
            return problems;
        }
        checkText(body, problems);
        return problems;
    }

    /**
     * Validates a line and throws when it breaks a promise.
     *
     * @param line the line
     * @return the parsed line
     * @throws AssertionError listing the problems
     */
    public static JsonNode requireValid(String line) {
        List<String> problems = problems(line);
        if (!problems.isEmpty()) {
            throw new AssertionError("Invalid log line: " + problems + "\n" + WrittenLine.shorten(line));
        }
        return StrictJson.parse(WrittenLine.withoutNewline(line));
    }

    /**
     * Validates a line as written and throws when it breaks a promise.
     *
     * @param line the buffer
     * @param offset where the line starts
     * @param length its length, terminating newline included or not
     * @return the parsed line
     * @throws AssertionError listing the problems
     */
    public static JsonNode requireValid(byte[] line, int offset, int length) {
        List<String> problems = problems(line, offset, length);
        if (!problems.isEmpty()) {
            String text = new String(line, offset, length, StandardCharsets.UTF_8);
            throw new AssertionError("Invalid log line: " + problems + "\n" + WrittenLine.shorten(text));
        }
        return StrictJson.parse(line, offset, WrittenLine.lengthWithoutNewline(line, offset, length));
    }

    private static void checkSize(int bytes, List<String> problems) {
        if (bytes > MAX_LINE_BYTES) {
            problems.add("line has " + bytes + " bytes as UTF-8; CloudWatch keeps at most " + MAX_LINE_BYTES
                    + " per event");
        }
    }

    private static void checkText(String body, List<String> problems) {
        JsonNode root = WrittenLine.parseObject(body, problems);
        if (root == null) {
            return;
        }
        JsonNode level = root.get("level");
        if (level == null || !level.isTextual() || !LEVELS.contains(level.asText())) {
            problems.add("level missing or not one of " + LEVELS + ": " + level);
        }
        JsonNode message = root.get("message");
        if (message == null || !(message.isTextual() || message.isNull())) {
            problems.add("message missing or neither text nor null: " + message);
        }
        for (String key : ALWAYS_TEXT) {
            JsonNode value = root.get(key);
            if (value == null || !value.isTextual()) {
                problems.add(key + " missing or not text: " + value);
            }
        }
        JsonNode timestamp = root.get("timestamp");
        if (timestamp != null && timestamp.isTextual() && !TIMESTAMP.matcher(timestamp.asText()).matches()) {
            problems.add("timestamp is not ISO-8601 UTC with milliseconds: " + timestamp);
        }
        checkLambdaFields(root, problems);
        JsonNode error = root.get("error");
        if (error != null) {
            checkError(error, problems);
        }
    }

    private static void checkLambdaFields(JsonNode root, List<String> problems) {
        for (String key : OPTIONAL_TEXT) {
            JsonNode value = root.get(key);
            if (value != null && !value.isTextual()) {
                problems.add(key + " is not text: " + value);
            }
        }
        JsonNode coldStart = root.get("cold_start");
        JsonNode memory = root.get("function_memory_size");
        if (root.has("function_request_id")) {
            if (coldStart == null) {
                problems.add("cold_start missing in a line of an invocation");
            }
            if (memory == null) {
                problems.add("function_memory_size missing in a line of an invocation");
            }
        }
        if (coldStart != null && !coldStart.isBoolean()) {
            problems.add("cold_start is not a boolean: " + coldStart);
        }
        if (memory != null && !memory.isIntegralNumber()) {
            problems.add("function_memory_size is not an integer: " + memory);
        }
        JsonNode rate = root.get("sampling_rate");
        if (rate != null && !(rate.isNumber() && rate.asDouble() > 0 && rate.asDouble() <= 1)) {
            problems.add("sampling_rate is not a number above 0 and at most 1: " + rate);
        }
    }

    private static void checkError(JsonNode error, List<String> problems) {
        if (!error.isObject()) {
            problems.add("error is not an object: " + error);
            return;
        }
        for (String key : List.of("name", "stack")) {
            JsonNode value = error.get(key);
            if (value == null || !value.isTextual()) {
                problems.add("error." + key + " missing or not text: " + value);
            }
        }
        JsonNode message = error.get("message");
        if (message == null || !(message.isTextual() || message.isNull())) {
            problems.add("error.message missing or neither text nor null: " + message);
        }
    }
}
