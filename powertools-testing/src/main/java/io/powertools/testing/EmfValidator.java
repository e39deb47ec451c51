package io.powertools.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one line of output against the CloudWatch Embedded Metric Format specification and
 * CloudWatch's limits, independently of any EMF writer, so tests can check what a function really
 * printed:
 *
 * <ul>
 *   <li>the line: one JSON object, parsed strictly (a member twice in one object is an error), valid
 *       UTF-8, at most {@value #MAX_BLOB_BYTES} bytes as written (without its newline);</li>
 *   <li>structure: {@code _aws.Timestamp} and {@code _aws.CloudWatchMetrics}, every referenced dimension
 *       and metric present at the root with the right type, no name both a metric and a dimension;</li>
 *   <li>limits: 100 metrics per directive, 100 values per metric, 30 keys per dimension set, the
 *       timestamp within 14 days past and 2 hours future, values within CloudWatch's magnitudes;</li>
 *   <li>names: namespace 1-255 of {@code [a-zA-Z0-9._#:/-]}; metric name 1-255 characters, not blank,
 *       no control character or unpaired surrogate; dimension key 1-250 ASCII characters, not blank,
 *       not starting with {@code :}; dimension value 1-1024 ASCII characters, not blank; known units;
 *       storage resolution 1 or 60.</li>
 * </ul>
 *
 * <pre>{@code
 * runtime.stdoutLines().stream()
 *         .filter(EmfValidator::looksLikeEmf)
 *         .forEach(EmfValidator::requireValid);
 * }</pre>
 *
 * <p>The timestamp window is measured from now, or from the instant a test passes (for functions
 * that run on a test clock).
 */
public final class EmfValidator {

    /** CloudWatch's largest log event for EMF: 1 MB, in UTF-8 bytes as written. */
    public static final int MAX_BLOB_BYTES = 1024 * 1024;

    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9._#:/-]{1,255}");
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes",
            "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits",
            "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
            "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
            "Gigabits/Second", "Terabits/Second", "Count/Second", "None");
    private static final Set<String> METRIC_FIELDS = Set.of("Name", "Unit", "StorageResolution");
    private static final Duration MAX_PAST = Duration.ofDays(14);
    private static final Duration MAX_FUTURE = Duration.ofHours(2);
    private static final double MIN_MAGNITUDE = 8.515920e-109;
    private static final double MAX_MAGNITUDE = 1.174271e+108;

    private EmfValidator() {
    }

    /**
     * Whether a line is meant to be an EMF blob: a JSON object whose first member is {@code _aws},
     * as every EMF writer prints it.
     *
     * @param line one line of output
     * @return true for lines to validate as EMF
     */
    public static boolean looksLikeEmf(String line) {
        return line.startsWith("{\"_aws\"");
    }

    /**
     * Validates a line, with the timestamp window measured from now.
     *
     * @param line the line, with or without its terminating newline
     * @return the problems; empty when the line is valid EMF
     */
    public static List<String> problems(String line) {
        return problems(line, Instant.now());
    }

    /**
     * Validates a line, with the timestamp window measured from {@code now}.
     *
     * @param line the line, with or without its terminating newline
     * @param now the time the blob is checked against (e.g. the function's test clock)
     * @return the problems; empty when the line is valid EMF
     */
    public static List<String> problems(String line, Instant now) {
        List<String> problems = new ArrayList<>();
        String body = WrittenLine.withoutNewline(line);
        int surrogate = WrittenLine.unpairedSurrogate(body);
        if (surrogate >= 0) {
            // Such a string has no UTF-8 form: whatever prints it writes a replacement or fails.
            problems.add("line is not valid UTF-8: unpaired surrogate at index " + surrogate);
        }
        checkSize(body.getBytes(StandardCharsets.UTF_8).length, problems);
        checkText(body, now, problems);
        return problems;
    }

    /**
     * Validates a line as written (UTF-8 bytes, as an {@code EmfSink} or standard output receives
     * them), with the timestamp window measured from now.
     *
     * @param line the buffer
     * @param offset where the line starts
     * @param length its length, terminating newline included or not
     * @return the problems; empty when the line is valid EMF
     */
    public static List<String> problems(byte[] line, int offset, int length) {
        return problems(line, offset, length, Instant.now());
    }

    /**
     * Validates a line as written, with the timestamp window measured from {@code now}.
     *
     * @param line the buffer
     * @param offset where the line starts
     * @param length its length, terminating newline included or not
     * @param now the time the blob is checked against
     * @return the problems; empty when the line is valid EMF
     */
    public static List<String> problems(byte[] line, int offset, int length, Instant now) {
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
        checkText(body, now, problems);
        return problems;
    }

    /**
     * Validates a line and throws when it is not valid EMF, with the timestamp window measured
     * from now.
     *
     * @param line the line
     * @return the parsed line
     * @throws AssertionError listing the problems
     */
    public static JsonNode requireValid(String line) {
        return requireValid(line, Instant.now());
    }

    /**
     * Validates a line and throws when it is not valid EMF, with the timestamp window measured
     * from {@code now}.
     *
     * @param line the line
     * @param now the time the blob is checked against
     * @return the parsed line
     * @throws AssertionError listing the problems
     */
    public static JsonNode requireValid(String line, Instant now) {
        List<String> problems = problems(line, now);
        if (!problems.isEmpty()) {
            throw new AssertionError("Invalid EMF line: " + problems + "\n" + WrittenLine.shorten(line));
        }
        return parse(WrittenLine.withoutNewline(line));
    }

    /**
     * Parses a line already validated (strictly: a duplicate member is an error).
     *
     * @param line the line
     * @return the tree
     * @throws AssertionError when the line is not strict JSON
     */
    public static JsonNode parse(String line) {
        return StrictJson.parse(line);
    }

    private static void checkSize(int bytes, List<String> problems) {
        if (bytes > MAX_BLOB_BYTES) {
            problems.add("line has " + bytes + " bytes as UTF-8; CloudWatch accepts at most " + MAX_BLOB_BYTES);
        }
    }

    private static void checkText(String body, Instant now, List<String> problems) {
        JsonNode root = WrittenLine.parseObject(body, problems);
        if (root == null) {
            return;
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("_aws missing or not an object");
            return;
        }
        checkTimestamp(aws.get("Timestamp"), now, problems);
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics missing, not an array or empty");
            return;
        }
        for (JsonNode directive : directives) {
            checkDirective(root, directive, problems);
        }
    }

    private static void checkTimestamp(JsonNode ts, Instant now, List<String> problems) {
        if (ts == null || !ts.isIntegralNumber()) {
            problems.add("_aws.Timestamp missing or not an integer");
            return;
        }
        long t = ts.asLong();
        long nowMillis = now.toEpochMilli();
        if (t < nowMillis - MAX_PAST.toMillis() || t > nowMillis + MAX_FUTURE.toMillis()) {
            problems.add("_aws.Timestamp " + t + " outside 14 days past / 2 hours future of " + now);
        }
    }

    private static void checkDirective(JsonNode root, JsonNode directive, List<String> problems) {
        if (!directive.isObject()) {
            problems.add("directive is not an object");
            return;
        }
        JsonNode ns = directive.get("Namespace");
        if (ns == null || !ns.isTextual() || !NAMESPACE.matcher(ns.asText()).matches()) {
            problems.add("Namespace missing or invalid: " + ns);
        }
        Set<String> dimensionKeys = new HashSet<>();
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null || !dimensions.isArray()) {
            problems.add("Dimensions missing or not an array");
        } else {
            for (JsonNode set : dimensions) {
                checkDimensionSet(root, set, dimensionKeys, problems);
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null || !metrics.isArray()) {
            problems.add("Metrics missing or not an array");
            return;
        }
        if (metrics.size() > 100) {
            problems.add("directive has " + metrics.size() + " metrics (max 100)");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode metric : metrics) {
            checkMetric(root, metric, names, dimensionKeys, problems);
        }
    }

    private static void checkDimensionSet(JsonNode root, JsonNode set, Set<String> allKeys, List<String> problems) {
        if (!set.isArray()) {
            problems.add("dimension set is not an array");
            return;
        }
        if (set.size() > 30) {
            problems.add("dimension set has " + set.size() + " keys (max 30)");
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode key : set) {
            if (key.isTextual() && !keys.add(key.asText())) {
                problems.add("dimension " + key + " listed twice in one dimension set");
            }
            checkDimension(root, key, problems);
            allKeys.add(key.asText());
        }
    }

    private static void checkMetric(JsonNode root, JsonNode metric, Set<String> names, Set<String> dimensionKeys,
            List<String> problems) {
        JsonNode nameNode = metric.get("Name");
        if (nameNode == null || !nameNode.isTextual()) {
            problems.add("metric Name missing or not a string: " + nameNode);
            return;
        }
        String name = nameNode.asText();
        String nameProblem = metricNameProblem(name);
        if (nameProblem != null) {
            problems.add("metric name " + nameNode + " " + nameProblem);
        }
        if (!names.add(name)) {
            problems.add("metric " + nameNode + " listed twice");
        }
        if (dimensionKeys.contains(name)) {
            problems.add(nameNode + " is both a metric and a dimension: they share the root member");
        }
        for (Iterator<String> it = metric.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!METRIC_FIELDS.contains(field)) {
                problems.add("metric " + nameNode + " has unknown field " + field);
            }
        }
        JsonNode unit = metric.get("Unit");
        if (unit != null && (!unit.isTextual() || !UNITS.contains(unit.asText()))) {
            problems.add("metric " + nameNode + " has invalid Unit " + unit);
        }
        JsonNode resolution = metric.get("StorageResolution");
        if (resolution != null && !(resolution.isIntegralNumber()
                && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
            problems.add("metric " + nameNode + " has invalid StorageResolution " + resolution);
        }
        JsonNode value = root.get(name);
        if (value == null) {
            problems.add("metric " + nameNode + " is not a root member");
        } else if (value.isArray()) {
            if (value.isEmpty() || value.size() > 100) {
                problems.add("metric " + nameNode + " has " + value.size() + " values (1 to 100 allowed)");
            }
            for (JsonNode v : value) {
                checkValue(nameNode, v, problems);
            }
        } else {
            checkValue(nameNode, value, problems);
        }
    }

    private static void checkValue(JsonNode name, JsonNode value, List<String> problems) {
        if (!value.isNumber()) {
            problems.add("metric " + name + " has a value that is not a number: " + value);
            return;
        }
        double magnitude = Math.abs(value.asDouble());
        if (magnitude != 0 && (magnitude < MIN_MAGNITUDE || magnitude > MAX_MAGNITUDE)) {
            problems.add("metric " + name + " has value " + value + " outside CloudWatch's magnitude range "
                    + MIN_MAGNITUDE + " to " + MAX_MAGNITUDE);
        }
    }

    private static void checkDimension(JsonNode root, JsonNode key, List<String> problems) {
        if (!key.isTextual()) {
            problems.add("dimension key is not a string: " + key);
            return;
        }
        String k = key.asText();
        String keyProblem = asciiTextProblem(k, 250);
        if (keyProblem != null) {
            problems.add("dimension key " + key + " " + keyProblem);
        } else if (k.startsWith(":")) {
            problems.add("dimension key " + key + " starts with ':'");
        }
        JsonNode value = root.get(k);
        if (value == null) {
            problems.add("dimension " + key + " is not a root member");
        } else if (!value.isTextual()) {
            problems.add("dimension " + key + " value is not a string: " + value);
        } else {
            String valueProblem = asciiTextProblem(value.asText(), 1024);
            if (valueProblem != null) {
                problems.add("dimension " + key + " value " + valueProblem);
            }
        }
    }

    /** CloudWatch metric names: 1-255 characters, not blank, no control character, valid Unicode. */
    private static String metricNameProblem(String name) {
        if (name.isEmpty() || name.length() > 255) {
            return "has " + name.length() + " characters (1 to 255)";
        }
        if (name.isBlank()) {
            return "is blank";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "has a control character at index " + i;
            }
        }
        int surrogate = WrittenLine.unpairedSurrogate(name);
        return surrogate < 0 ? null : "has an unpaired surrogate at index " + surrogate;
    }

    /** Dimension keys and values: 1 to {@code max} printable ASCII characters, at least one not a space. */
    private static String asciiTextProblem(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return "has " + text.length() + " characters (1 to " + max + ")";
        }
        if (text.isBlank()) {
            return "is blank";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "has a character that is not printable ASCII at index " + i;
            }
        }
        return null;
    }
}
