package io.powertools.metrics.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The EMF and CloudWatch rules, checked when a value is added so that a flush never writes a
 * blob CloudWatch would reject. Every message names the rule that was broken.
 */
public final class Validation {

    /** CloudWatch's largest log event, which bounds an EMF blob: 1 MB in UTF-8 bytes, newline excluded. */
    public static final int MAX_BLOB_BYTES = 1024 * 1024;
    /** Most metrics one EMF directive may reference. */
    public static final int MAX_METRICS_PER_BLOB = 100;
    /** Most values one metric may carry in one blob. */
    public static final int MAX_VALUES_PER_METRIC = 100;
    /** Most dimensions in one dimension set. */
    public static final int MAX_DIMENSIONS = 30;
    /** Longest namespace. */
    public static final int MAX_NAMESPACE_LENGTH = 255;
    /** Longest metric name. */
    public static final int MAX_METRIC_NAME_LENGTH = 255;
    /** Longest dimension key. */
    public static final int MAX_DIMENSION_KEY_LENGTH = 250;
    /** Longest dimension value. */
    public static final int MAX_DIMENSION_VALUE_LENGTH = 1024;
    /** How far in the past a timestamp may be. */
    public static final Duration MAX_PAST = Duration.ofDays(14);
    /** How far in the future a timestamp may be. */
    public static final Duration MAX_FUTURE = Duration.ofHours(2);
    /** Smallest magnitude CloudWatch stores, other than zero. */
    public static final double MIN_MAGNITUDE = 8.515920e-109;
    /** Largest magnitude CloudWatch stores. */
    public static final double MAX_MAGNITUDE = 1.174271e+108;
    /** Root member holding the EMF metadata; no user name may take it. */
    public static final String AWS_KEY = "_aws";
    /** Metadata key of the request id, written into every blob. */
    public static final String REQUEST_ID_KEY = "function_request_id";
    /** Metadata key of the X-Ray trace id, written into every blob. */
    public static final String TRACE_ID_KEY = "xray_trace_id";
    /** Root names no metric, dimension or metadata key may take ({@link ContextMembers}). */
    static final Set<String> RESERVED_NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(AWS_KEY,
            REQUEST_ID_KEY, TRACE_ID_KEY, ContextMembers.TRACE_HEADER_KEY, ContextMembers.EXECUTION_ENVIRONMENT_KEY,
            ContextMembers.FUNCTION_VERSION_KEY, ContextMembers.LOG_STREAM_KEY)));

    private Validation() {
    }

    /**
     * Checks a namespace: 1 to 255 characters of {@code [a-zA-Z0-9._#:/-]}.
     *
     * @param namespace the namespace
     * @return the namespace
     * @throws IllegalArgumentException naming the rule
     */
    public static String namespace(String namespace) {
        if (namespace == null || namespace.isEmpty() || namespace.length() > MAX_NAMESPACE_LENGTH) {
            throw new IllegalArgumentException("Invalid metrics namespace '" + namespace
                    + "': a namespace has 1 to " + MAX_NAMESPACE_LENGTH + " characters");
        }
        for (int i = 0; i < namespace.length(); i++) {
            char c = namespace.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '#' || c == ':' || c == '/' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("Invalid metrics namespace '" + namespace
                        + "': character '" + c + "' at index " + i
                        + " is not allowed; a namespace uses only letters, digits and . _ # : / -");
            }
        }
        return namespace;
    }

    /**
     * Checks a metric name: 1 to 255 characters, not blank, no control characters, not {@code _aws}.
     *
     * @param name the metric name
     * @return the name
     * @throws IllegalArgumentException naming the rule
     */
    public static String metricName(String name) {
        return rootName("metric name", name);
    }

    /**
     * Checks a dimension key: 1 to 250 printable ASCII characters, not blank, not starting with
     * {@code :}, not {@code _aws}.
     *
     * @param key the dimension key
     * @return the key
     * @throws IllegalArgumentException naming the rule
     */
    public static String dimensionKey(String key) {
        if (key != null && key.length() <= MAX_DIMENSION_KEY_LENGTH && hasVisibleAsciiOnly(key)
                && key.charAt(0) != ':') {
            rejectReserved("dimension key", key);
            return key;
        }
        if (key == null || key.isBlank() || key.length() > MAX_DIMENSION_KEY_LENGTH) {
            throw new IllegalArgumentException("Invalid dimension key '" + shorten(key) + "': a dimension key has 1 to "
                    + MAX_DIMENSION_KEY_LENGTH + " characters and is not blank");
        }
        if (key.charAt(0) == ':') {
            throw new IllegalArgumentException("Invalid dimension key '" + key
                    + "': a dimension key must not start with ':'");
        }
        requireAscii("dimension key", key);
        rejectReserved("dimension key", key);
        return key;
    }

    /**
     * Checks a dimension value: 1 to 1024 printable ASCII characters, not blank.
     *
     * @param key the dimension's key, for the message
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException naming the rule
     */
    public static String dimensionValue(String key, String value) {
        if (value != null && value.length() <= MAX_DIMENSION_VALUE_LENGTH && hasVisibleAsciiOnly(value)) {
            return value;
        }
        if (value == null || value.isBlank() || value.length() > MAX_DIMENSION_VALUE_LENGTH) {
            throw new IllegalArgumentException("Invalid value '" + shorten(value) + "' for dimension '" + key
                    + "': a dimension value has 1 to " + MAX_DIMENSION_VALUE_LENGTH + " characters and is not blank");
        }
        requireAscii("value of dimension '" + key + "'", value);
        return value;
    }

    /**
     * Checks a metric value: finite, and zero or within the magnitudes CloudWatch stores.
     *
     * @param name the metric's name, for the message
     * @param value the value
     * @throws IllegalArgumentException naming the rule
     */
    public static void metricValue(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid value " + value + " for metric '" + name
                    + "': CloudWatch does not accept NaN or infinite values");
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < MIN_MAGNITUDE || magnitude > MAX_MAGNITUDE)) {
            throw new IllegalArgumentException("Invalid value " + value + " for metric '" + name
                    + "': CloudWatch accepts magnitudes from " + MIN_MAGNITUDE + " to " + MAX_MAGNITUDE + " (or 0)");
        }
    }

    /**
     * Checks a metadata key: the metric name rule (1 to 255 characters, not blank, no control
     * characters, no unpaired surrogate, not reserved), since both are members of the blob's root.
     *
     * @param key the key
     * @return the key
     * @throws IllegalArgumentException naming the rule
     */
    public static String metadataKey(String key) {
        return rootName("metadata key", key);
    }

    /** The rule of the free-form names at the blob's root (metric names and metadata keys). */
    private static String rootName(String what, String name) {
        if (name != null && name.length() <= MAX_METRIC_NAME_LENGTH && hasVisibleAsciiOnly(name)) {
            // The common case in one pass: not blank, no control characters, no surrogates.
            rejectReserved(what, name);
            return name;
        }
        if (name == null || name.isBlank() || name.length() > MAX_METRIC_NAME_LENGTH) {
            throw new IllegalArgumentException("Invalid " + what + " '" + shorten(name) + "': a " + what + " has 1 to "
                    + MAX_METRIC_NAME_LENGTH + " characters and is not blank");
        }
        rejectControl(what, name);
        rejectUnpairedSurrogate(what, name);
        rejectReserved(what, name);
        return name;
    }

    /**
     * Checks a timestamp against the window CloudWatch accepts.
     *
     * @param epochMillis the timestamp
     * @param nowMillis the current time
     * @return the timestamp
     * @throws IllegalArgumentException naming the rule
     */
    public static long timestamp(long epochMillis, long nowMillis) {
        String problem = timestampProblem(epochMillis, nowMillis);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid metrics timestamp " + epochMillis + ": " + problem);
        }
        return epochMillis;
    }

    /**
     * Why CloudWatch would reject a timestamp now.
     *
     * @param epochMillis the timestamp
     * @param nowMillis the current time
     * @return the reason, or null when the timestamp is inside the window
     */
    public static String timestampProblem(long epochMillis, long nowMillis) {
        if (epochMillis < nowMillis - MAX_PAST.toMillis()) {
            return "CloudWatch rejects timestamps more than 14 days in the past";
        }
        if (epochMillis > nowMillis + MAX_FUTURE.toMillis()) {
            return "CloudWatch rejects timestamps more than 2 hours in the future";
        }
        return null;
    }

    /**
     * The names of some metrics for a message: at most ten, then how many more.
     *
     * @param series the metrics
     * @param count how many of them
     * @return for example {@code [Orders, Latency]}
     */
    static String names(Series[] series, int count) {
        StringBuilder names = new StringBuilder("[");
        for (int i = 0; i < Math.min(count, 10); i++) {
            names.append(i > 0 ? ", " : "").append(series[i].name);
        }
        if (count > 10) {
            names.append(" and ").append(count - 10).append(" more");
        }
        return names.append(']').toString();
    }

    /** A text for a message: long ones are cut, so a huge input cannot make a huge message. */
    static String shorten(String text) {
        return text == null || text.length() <= 300 ? text
                : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }

    /**
     * Whether the text is non-empty and only has printable ASCII characters, with at least one
     * that is not a space: such a text passes every character rule at once.
     */
    private static boolean hasVisibleAsciiOnly(String text) {
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
            visible |= c != ' ';
        }
        return visible;
    }

    private static void rejectControl(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException("Invalid " + what + " '" + shorten(text).replaceAll("\\p{Cntrl}", "?")
                        + "': control character at index " + i + " is not allowed");
            }
        }
    }

    /**
     * Checks the name of a member of a metadata map: JSON escapes control characters, but an
     * unpaired surrogate in a member name makes strict parsers reject the whole blob.
     *
     * @param key the metadata key the map belongs to, for the message
     * @param name the map key as text
     * @return the name
     * @throws IllegalArgumentException naming the rule
     */
    public static String metadataMapKey(String key, String name) {
        rejectUnpairedSurrogate("map key in metadata '" + shorten(key) + "'", name);
        return name;
    }

    /**
     * A lone surrogate has no UTF-8 form. In values the writer keeps it as a JSON escape
     * ({@code \ud800}), but in a name it makes strict parsers reject the whole blob, so names refuse it.
     */
    private static void rejectUnpairedSurrogate(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("Invalid " + what + ": unpaired UTF-16 surrogate U+"
                        + String.format("%04X", (int) c) + " at index " + i + " has no UTF-8 form and a name cannot "
                        + "carry its JSON escape (strict parsers reject the whole blob)");
            }
        }
    }

    private static void requireAscii(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("Invalid " + what + " '" + shorten(text).replaceAll("[^\\x20-\\x7e]", "?")
                        + "': only printable ASCII characters are allowed (found U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")");
            }
        }
    }

    private static void rejectReserved(String what, String text) {
        if (RESERVED_NAMES.contains(text)) {
            throw new IllegalArgumentException("Invalid " + what + " '" + text + "': the names " + RESERVED_NAMES
                    + " are reserved for the members blobs carry to say where they came from; choose another name");
        }
    }
}
