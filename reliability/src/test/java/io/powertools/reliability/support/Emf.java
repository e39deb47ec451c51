package io.powertools.reliability.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A structural check of one CloudWatch Embedded Metric Format line, written from the
 * specification and its limits (not from the production writer): one JSON object, no duplicate
 * keys, {@code _aws.Timestamp} an integer, {@code _aws.CloudWatchMetrics} a non-empty array of
 * directives whose namespace, dimension sets and metric definitions are valid and whose every
 * referenced name is a root member of the right type.
 */
public final class Emf {

    private static final ObjectMapper STRICT = JsonMapper.builder(Lenient.factory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9._#:/-]{1,255}");
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes",
            "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits",
            "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
            "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
            "Gigabits/Second", "Terabits/Second", "Count/Second", "None");
    private static final long FOURTEEN_DAYS = 14L * 24 * 3600 * 1000;
    private static final long TWO_HOURS = 2L * 3600 * 1000;

    private Emf() {
    }

    /** Whether a line is meant to be an EMF blob (its root starts with the {@code _aws} member). */
    public static boolean looksLikeEmf(String line) {
        return line.startsWith("{\"_aws\"");
    }

    /**
     * Lists what is wrong with a line.
     *
     * @param line one line, without its line break
     * @return the problems, empty for a valid blob
     */
    public static List<String> problems(String line) {
        List<String> problems = new ArrayList<>();
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            problems.add("line break inside the line");
        }
        if (line.getBytes(StandardCharsets.UTF_8).length > 1024 * 1024) {
            problems.add("larger than CloudWatch's 1 MB event limit");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(line);
        } catch (Exception e) {
            problems.add("not one JSON object without duplicate keys: " + e.getMessage());
            return problems;
        }
        if (root == null || !root.isObject()) {
            problems.add("root is not an object");
            return problems;
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("_aws is missing or not an object");
            return problems;
        }
        JsonNode timestamp = aws.get("Timestamp");
        long now = System.currentTimeMillis();
        if (timestamp == null || !timestamp.isIntegralNumber()) {
            problems.add("_aws.Timestamp is missing or not an integer");
        } else if (timestamp.asLong() < now - FOURTEEN_DAYS || timestamp.asLong() > now + TWO_HOURS) {
            problems.add("_aws.Timestamp " + timestamp + " is outside 14 days past / 2 hours future");
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics is missing, not an array or empty");
            return problems;
        }
        for (JsonNode directive : directives) {
            directive(root, directive, problems);
        }
        return problems;
    }

    /**
     * Parses a line that must be a valid blob.
     *
     * @throws AssertionError naming the problems and showing the line
     */
    public static JsonNode requireValid(String line) {
        List<String> problems = problems(line);
        if (!problems.isEmpty()) {
            throw new AssertionError("Invalid EMF blob " + problems + ": "
                    + (line.length() > 1500 ? line.substring(0, 1500) + "..." : line));
        }
        try {
            return STRICT.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void directive(JsonNode root, JsonNode directive, List<String> problems) {
        if (!directive.isObject()) {
            problems.add("a directive is not an object");
            return;
        }
        JsonNode namespace = directive.get("Namespace");
        if (namespace == null || !namespace.isTextual() || !NAMESPACE.matcher(namespace.asText()).matches()) {
            problems.add("invalid Namespace " + namespace);
        }
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null || !dimensions.isArray()) {
            problems.add("Dimensions is missing or not an array");
        } else {
            for (JsonNode set : dimensions) {
                if (!set.isArray() || set.size() > 30) {
                    problems.add("dimension set is not an array of at most 30 keys: " + set);
                    continue;
                }
                for (JsonNode key : set) {
                    dimension(root, key, problems);
                }
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null || !metrics.isArray() || metrics.size() > 100) {
            problems.add("Metrics is missing, not an array or longer than 100");
            return;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode metric : metrics) {
            JsonNode name = metric.get("Name");
            if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 255) {
                problems.add("invalid metric Name " + name);
                continue;
            }
            if (!names.add(name.asText())) {
                problems.add("metric " + name + " defined twice");
            }
            metric.fieldNames().forEachRemaining(field -> {
                if (!Set.of("Name", "Unit", "StorageResolution").contains(field)) {
                    problems.add("metric " + name + " has unknown member " + field);
                }
            });
            JsonNode unit = metric.get("Unit");
            if (unit != null && !(unit.isTextual() && UNITS.contains(unit.asText()))) {
                problems.add("metric " + name + " has invalid Unit " + unit);
            }
            JsonNode resolution = metric.get("StorageResolution");
            if (resolution != null && !(resolution.isIntegralNumber()
                    && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
                problems.add("metric " + name + " has invalid StorageResolution " + resolution);
            }
            JsonNode value = root.get(name.asText());
            if (value == null) {
                problems.add("metric " + name + " has no root member");
            } else if (value.isArray()) {
                if (value.isEmpty() || value.size() > 100) {
                    problems.add("metric " + name + " has " + value.size() + " values (1 to 100)");
                }
                value.forEach(v -> {
                    if (!v.isNumber()) {
                        problems.add("metric " + name + " has a non-number value " + v);
                    }
                });
            } else if (!value.isNumber()) {
                problems.add("metric " + name + " is neither a number nor an array of numbers: " + value);
            }
        }
    }

    private static void dimension(JsonNode root, JsonNode key, List<String> problems) {
        if (!key.isTextual() || key.asText().isEmpty() || key.asText().length() > 250
                || key.asText().startsWith(":")) {
            problems.add("invalid dimension key " + key);
            return;
        }
        JsonNode value = root.get(key.asText());
        if (value == null || !value.isTextual()) {
            problems.add("dimension " + key + " has no string root member: " + value);
            return;
        }
        String text = value.asText();
        if (text.isEmpty() || text.length() > 1024) {
            problems.add("dimension " + key + " value has length " + text.length() + " (1 to 1024)");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 || text.charAt(i) > 0x7e) {
                problems.add("dimension " + key + " value holds a non-printable-ASCII character");
                break;
            }
        }
    }
}
