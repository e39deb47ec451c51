package io.powertools.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one line of output against the CloudWatch Embedded Metric Format specification and
 * limits: structure, every referenced dimension and metric present at the root with the right
 * type, and the limits (100 metrics per directive, 100 values per metric, 30 dimension keys, 1 MB,
 * name lengths, units, storage resolution, the 14-days-past / 2-hours-future timestamp window).
 * Written from the specification, independently of any EMF writer, so tests can check what a
 * function really printed:
 *
 * <pre>{@code
 * runtime.stdoutLines().stream()
 *         .filter(EmfValidator::looksLikeEmf)
 *         .forEach(EmfValidator::requireValid);
 * }</pre>
 *
 * <p>Parsing is strict about JSON (duplicate keys are an error) but applies no reader limits
 * (name length, nesting depth): those are limits of a parser, not of the format.
 */
public final class EmfValidator {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNameLength(Integer.MAX_VALUE)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNestingDepth(Integer.MAX_VALUE)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9._#:/-]{1,255}");
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes",
            "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits",
            "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
            "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
            "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

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
     * Validates a line and returns its problems.
     *
     * @param line the line, with or without its terminating newline
     * @return the problems; empty when the line is valid EMF
     */
    public static List<String> problems(String line) {
        List<String> problems = new ArrayList<>();
        String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            problems.add("line contains a line break inside");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > 1024 * 1024) {
            problems.add("line is larger than 1 MB");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (Exception e) {
            problems.add("not JSON (or duplicate key): " + e.getMessage());
            return problems;
        }
        if (root == null || !root.isObject()) {
            problems.add("root is not an object");
            return problems;
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("_aws missing or not an object");
            return problems;
        }
        JsonNode ts = aws.get("Timestamp");
        if (ts == null || !ts.isIntegralNumber()) {
            problems.add("_aws.Timestamp missing or not an integer");
        } else {
            long now = System.currentTimeMillis();
            long t = ts.asLong();
            if (t < now - Duration.ofDays(14).toMillis() || t > now + Duration.ofHours(2).toMillis()) {
                problems.add("_aws.Timestamp " + t + " outside 14 days past / 2 hours future");
            }
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics missing, not an array or empty");
            return problems;
        }
        for (JsonNode directive : directives) {
            checkDirective(root, directive, problems);
        }
        return problems;
    }

    /**
     * Validates a line and throws when it is not valid EMF.
     *
     * @param line the line
     * @return the parsed line
     * @throws AssertionError listing the problems
     */
    public static JsonNode requireValid(String line) {
        List<String> problems = problems(line);
        if (!problems.isEmpty()) {
            String shown = line.length() > 2000 ? line.substring(0, 2000) + "..." : line;
            throw new AssertionError("Invalid EMF line: " + problems + "\n" + shown);
        }
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Parses a line already validated.
     *
     * @param line the line
     * @return the tree
     */
    public static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
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
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null || !dimensions.isArray()) {
            problems.add("Dimensions missing or not an array");
        } else {
            for (JsonNode set : dimensions) {
                if (!set.isArray()) {
                    problems.add("dimension set is not an array");
                    continue;
                }
                if (set.size() > 30) {
                    problems.add("dimension set has " + set.size() + " keys (max 30)");
                }
                for (JsonNode key : set) {
                    checkDimension(root, key, problems);
                }
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
            JsonNode name = metric.get("Name");
            if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 255) {
                problems.add("metric Name missing or invalid: " + name);
                continue;
            }
            if (!names.add(name.asText())) {
                problems.add("metric " + name + " listed twice");
            }
            for (Iterator<String> it = metric.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!Set.of("Name", "Unit", "StorageResolution").contains(field)) {
                    problems.add("metric " + name + " has unknown field " + field);
                }
            }
            JsonNode unit = metric.get("Unit");
            if (unit != null && (!unit.isTextual() || !UNITS.contains(unit.asText()))) {
                problems.add("metric " + name + " has invalid Unit " + unit);
            }
            JsonNode resolution = metric.get("StorageResolution");
            if (resolution != null && !(resolution.isIntegralNumber()
                    && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
                problems.add("metric " + name + " has invalid StorageResolution " + resolution);
            }
            JsonNode value = root.get(name.asText());
            if (value == null) {
                problems.add("metric " + name + " is not a root member");
            } else if (value.isArray()) {
                if (value.isEmpty() || value.size() > 100) {
                    problems.add("metric " + name + " has " + value.size() + " values (1 to 100 allowed)");
                }
                for (JsonNode v : value) {
                    if (!v.isNumber()) {
                        problems.add("metric " + name + " has a non-number value " + v);
                    }
                }
            } else if (!value.isNumber()) {
                problems.add("metric " + name + " value is not a number or array of numbers: " + value);
            }
        }
    }

    private static void checkDimension(JsonNode root, JsonNode key, List<String> problems) {
        if (!key.isTextual()) {
            problems.add("dimension key is not a string: " + key);
            return;
        }
        String k = key.asText();
        if (k.isEmpty() || k.length() > 250 || k.startsWith(":")) {
            problems.add("dimension key invalid: '" + k + "'");
        }
        JsonNode value = root.get(k);
        if (value == null) {
            problems.add("dimension " + k + " is not a root member");
        } else if (!value.isTextual()) {
            problems.add("dimension " + k + " value is not a string: " + value);
        } else {
            String v = value.asText();
            if (v.isEmpty() || v.length() > 1024) {
                problems.add("dimension " + k + " value length " + v.length() + " (1 to 1024)");
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    problems.add("dimension " + k + " value has a non-printable-ASCII character");
                    break;
                }
            }
        }
    }
}
