package io.powertools.metrics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metadata values as the blob can hold them: an immutable copy taken at the call (so later
 * changes to the caller's collections cannot corrupt a flush) with its JSON size estimated, so
 * a blob never grows past the 1 MB log event limit.
 */
public final class MetadataValues {

    /** Metadata budget per invocation; with the largest possible metric part a blob stays under 1 MB. */
    public static final long MAX_METADATA_BYTES = 512 * 1024;
    private static final int MAX_DEPTH = 32;

    private MetadataValues() {
    }

    /**
     * A copied value with its estimated JSON size in bytes.
     *
     * @param value the copy: String, Boolean, Long, Double, BigInteger, BigDecimal, List, Map or null
     * @param bytes the estimated UTF-8 size of its JSON
     */
    public record Copy(Object value, long bytes) {
    }

    /**
     * Copies a metadata value, rejecting what JSON cannot hold faithfully.
     *
     * @param key the metadata key, for the message
     * @param value strings, numbers, booleans, null, and maps/iterables/arrays of them
     * @return the copy and its size
     * @throws IllegalArgumentException naming the rule
     */
    public static Copy copy(String key, Object value) {
        long[] size = {0};
        Object copied = copy(key, value, size, 0);
        return new Copy(copied, size[0]);
    }

    private static Object copy(String key, Object value, long[] size, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Invalid metadata '" + key + "': nested deeper than " + MAX_DEPTH
                    + " levels (a cycle?)");
        }
        if (value == null) {
            size[0] += 4;
            return null;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            String text = value.toString();
            size[0] += jsonStringBytes(text);
            return text;
        }
        if (value instanceof Boolean) {
            size[0] += 5;
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            size[0] += 20;
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("Invalid metadata '" + key + "': " + d
                        + " is not a JSON number (NaN and infinite values are not allowed)");
            }
            size[0] += 25;
            return d;
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            size[0] += value.toString().length();
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            size[0] += 2;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new IllegalArgumentException("Invalid metadata '" + key + "': a map key is null");
                }
                String name = entry.getKey().toString();
                size[0] += jsonStringBytes(name) + 2;
                copy.put(name, copy(key, entry.getValue(), size, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> copy = new ArrayList<>();
            size[0] += 2;
            for (Object element : iterable) {
                size[0] += 1;
                copy.add(copy(key, element, size, depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Object[] array) {
            return copy(key, java.util.Arrays.asList(array), size, depth);
        }
        throw new IllegalArgumentException("Invalid metadata '" + key + "': values of type "
                + value.getClass().getName() + " are not supported; use strings, numbers, booleans, "
                + "or maps and lists of them (convert the object to a Map first)");
    }

    private static long jsonStringBytes(String text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                bytes += 6;
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
