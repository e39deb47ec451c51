package io.powertools.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a function sent to the X-Ray daemon against the daemon protocol and the segment
 * document rules, independently of any writer:
 *
 * <ul>
 *   <li>the datagram: the header line {@code {"format": "json", "version": 1}}, a newline, then one
 *       JSON object parsed strictly (a member twice in one object is an error), valid UTF-8; the
 *       document at most {@value #MAX_DOCUMENT_BYTES} bytes (64 kB) and the datagram at most
 *       {@value #MAX_DATAGRAM_BYTES} (what one IPv4 UDP datagram carries);</li>
 *   <li>ids: {@code id} of 16 lower-case hex digits, unique within the document; a document sent on
 *       its own has {@code trace_id} ({@code 1-<8 hex>-<24 hex>}), and a subsegment sent on its own
 *       has {@code type: "subsegment"} and a 16-hex {@code parent_id};</li>
 *   <li>times: {@code start_time} in epoch seconds, and either {@code end_time} not before it or
 *       {@code in_progress: true}, never both; an embedded subsegment starts no earlier than its
 *       parent;</li>
 *   <li>fields: {@code name} of 1 to 200 letters, digits, whitespace or {@code _ . : / % & # = + \ - @};
 *       {@code namespace} {@code aws} or {@code remote}; {@code error}, {@code fault},
 *       {@code throttle} booleans; {@code annotations} with keys of ASCII letters, digits and
 *       underscores (at most 500) and string (at most 1,000 characters), number or boolean values;
 *       {@code metadata} an object of namespaces (none starting with {@code AWS.}), each an object;
 *       {@code cause} an exception id or an object with {@code exceptions} whose ids are 16 hex.</li>
 * </ul>
 */
public final class XRaySegmentValidator {

    /** The largest segment document X-Ray accepts: 64 kB. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    /** The largest payload of one IPv4 UDP datagram. */
    public static final int MAX_DATAGRAM_BYTES = 65_507;
    /** The most annotation keys X-Ray indexes per trace. */
    public static final int MAX_ANNOTATIONS_PER_TRACE = 50;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");
    private static final Pattern ANNOTATION_KEY = Pattern.compile("[A-Za-z0-9_]{1,500}");
    private static final String NAME_SYMBOLS = "_.:/%&#=+\\-@";

    private XRaySegmentValidator() {
    }

    /**
     * Validates one datagram as the daemon receives it.
     *
     * @param datagram the bytes
     * @return the problems; empty when valid
     */
    public static List<String> validateDatagram(byte[] datagram) {
        List<String> problems = new ArrayList<>();
        if (datagram.length > MAX_DATAGRAM_BYTES) {
            problems.add("datagram has " + datagram.length + " bytes, over the " + MAX_DATAGRAM_BYTES + " of one UDP datagram");
        }
        int newline = indexOf(datagram, (byte) '\n');
        if (newline < 0) {
            problems.add("datagram has no header line (expected {\"format\": \"json\", \"version\": 1} and a newline)");
            return problems;
        }
        try {
            JsonNode header = StrictJson.parse(datagram, 0, newline);
            if (!"json".equals(header.path("format").asText(null)) || header.path("version").asInt(-1) != 1
                    || header.size() != 2) {
                problems.add("header line is " + new String(datagram, 0, newline, StandardCharsets.UTF_8)
                        + ", expected {\"format\": \"json\", \"version\": 1}");
            }
        } catch (AssertionError e) {
            problems.add("header line is not JSON: " + e.getMessage());
        }
        int length = datagram.length - newline - 1;
        if (length > MAX_DOCUMENT_BYTES) {
            problems.add("document has " + length + " bytes, over X-Ray's " + MAX_DOCUMENT_BYTES);
        }
        JsonNode document;
        try {
            document = StrictJson.parse(datagram, newline + 1, length);
        } catch (AssertionError e) {
            problems.add("document is not strict JSON in UTF-8: " + e.getMessage());
            return problems;
        }
        problems.addAll(validate(document));
        return problems;
    }

    /**
     * Validates a segment document sent on its own.
     *
     * @param document the parsed document
     * @return the problems; empty when valid
     */
    public static List<String> validate(JsonNode document) {
        List<String> problems = new ArrayList<>();
        if (!document.isObject()) {
            problems.add("document is not a JSON object");
            return problems;
        }
        String traceId = document.path("trace_id").asText(null);
        if (traceId == null || !TRACE_ID.matcher(traceId).matches()) {
            problems.add("trace_id " + document.get("trace_id") + " is not 1-<8 hex>-<24 hex>");
        }
        if (document.has("type")) {
            if (!"subsegment".equals(document.get("type").asText(null))) {
                problems.add("type " + document.get("type") + " is not \"subsegment\"");
            }
            String parent = document.path("parent_id").asText(null);
            if (parent == null || !ID.matcher(parent).matches()) {
                problems.add("a subsegment sent on its own needs parent_id of 16 hex digits, has " + document.get("parent_id"));
            }
        }
        Set<String> ids = new HashSet<>();
        validateSegment(document, "$", null, ids, problems);
        return problems;
    }

    /**
     * Validates a datagram and fails with every problem found.
     *
     * @param datagram the bytes
     * @throws AssertionError listing the problems
     */
    public static void requireValidDatagram(byte[] datagram) {
        List<String> problems = validateDatagram(datagram);
        if (!problems.isEmpty()) {
            throw new AssertionError("Invalid X-Ray datagram: " + problems);
        }
    }

    private static void validateSegment(JsonNode segment, String path, Double parentStart, Set<String> ids,
            List<String> problems) {
        String name = segment.path("name").asText(null);
        if (!segment.path("name").isTextual() || !validName(name)) {
            problems.add(path + ".name " + segment.get("name")
                    + " is not 1-200 letters, digits, whitespace or _ . : / % & # = + \\ - @");
        }
        String id = segment.path("id").asText(null);
        if (!segment.path("id").isTextual() || !ID.matcher(id).matches()) {
            problems.add(path + ".id " + segment.get("id") + " is not 16 lower-case hex digits");
        } else if (!ids.add(id)) {
            problems.add(path + ".id " + id + " appears twice in one document");
        }
        JsonNode start = segment.get("start_time");
        JsonNode end = segment.get("end_time");
        boolean inProgress = segment.path("in_progress").asBoolean(false);
        if (start == null || !start.isNumber() || start.doubleValue() < 1e9 || start.doubleValue() > 1e10) {
            problems.add(path + ".start_time " + start + " is not epoch seconds");
        }
        if (segment.has("in_progress") && !segment.get("in_progress").isBoolean()) {
            problems.add(path + ".in_progress is not a boolean");
        }
        if (end != null && inProgress) {
            problems.add(path + " has both end_time and in_progress");
        } else if (end == null && !inProgress) {
            problems.add(path + " has neither end_time nor in_progress: true");
        } else if (end != null && (!end.isNumber() || start != null && start.isNumber()
                && end.doubleValue() < start.doubleValue())) {
            problems.add(path + ".end_time " + end + " is not a time at or after start_time " + start);
        }
        if (parentStart != null && start != null && start.isNumber() && start.doubleValue() < parentStart) {
            problems.add(path + " starts at " + start + ", before its parent (" + parentStart + ")");
        }
        if (segment.has("namespace")) {
            String namespace = segment.get("namespace").asText("");
            if (!namespace.equals("aws") && !namespace.equals("remote")) {
                problems.add(path + ".namespace " + segment.get("namespace") + " is not aws or remote");
            }
        }
        for (String flag : new String[] {"error", "fault", "throttle"}) {
            if (segment.has(flag) && !segment.get(flag).isBoolean()) {
                problems.add(path + "." + flag + " is not a boolean");
            }
        }
        validateAnnotations(segment.get("annotations"), path, problems);
        validateMetadata(segment.get("metadata"), path, problems);
        validateCause(segment.get("cause"), path, problems);
        JsonNode children = segment.get("subsegments");
        if (children != null) {
            if (!children.isArray()) {
                problems.add(path + ".subsegments is not an array");
                return;
            }
            Double startTime = start != null && start.isNumber() ? start.doubleValue() : null;
            for (int i = 0; i < children.size(); i++) {
                validateSegment(children.get(i), path + ".subsegments[" + i + "]", startTime, ids, problems);
            }
        }
    }

    private static void validateAnnotations(JsonNode annotations, String path, List<String> problems) {
        if (annotations == null) {
            return;
        }
        if (!annotations.isObject()) {
            problems.add(path + ".annotations is not an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> annotation = it.next();
            if (!ANNOTATION_KEY.matcher(annotation.getKey()).matches()) {
                problems.add(path + ".annotations key '" + annotation.getKey()
                        + "' is not 1-500 ASCII letters, digits or underscores");
            }
            JsonNode value = annotation.getValue();
            if (value.isTextual()) {
                if (value.textValue().length() > 1000) {
                    problems.add(path + ".annotations." + annotation.getKey() + " has over 1000 characters");
                }
            } else if (!value.isNumber() && !value.isBoolean()) {
                problems.add(path + ".annotations." + annotation.getKey() + " is " + value.getNodeType()
                        + ", not a string, number or boolean");
            }
        }
    }

    private static void validateMetadata(JsonNode metadata, String path, List<String> problems) {
        if (metadata == null) {
            return;
        }
        if (!metadata.isObject()) {
            problems.add(path + ".metadata is not an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> namespace = it.next();
            if (namespace.getKey().startsWith("AWS.")) {
                problems.add(path + ".metadata namespace '" + namespace.getKey() + "' is reserved for AWS");
            }
            if (!namespace.getValue().isObject()) {
                problems.add(path + ".metadata." + namespace.getKey() + " is not an object");
            }
        }
    }

    private static void validateCause(JsonNode cause, String path, List<String> problems) {
        if (cause == null) {
            return;
        }
        if (cause.isTextual()) {
            if (!ID.matcher(cause.textValue()).matches()) {
                problems.add(path + ".cause id " + cause + " is not 16 hex digits");
            }
            return;
        }
        JsonNode exceptions = cause.get("exceptions");
        if (!cause.isObject() || exceptions == null || !exceptions.isArray()) {
            problems.add(path + ".cause is neither an exception id nor an object with an exceptions array");
            return;
        }
        for (JsonNode exception : exceptions) {
            if (!ID.matcher(exception.path("id").asText("")).matches()) {
                problems.add(path + ".cause exception id " + exception.get("id") + " is not 16 hex digits");
            }
        }
    }

    private static boolean validName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && NAME_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
