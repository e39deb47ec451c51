package io.powertools.metrics.internal;

import io.powertools.core.json.JsonBytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metadata values as the blob can hold them: an immutable copy taken at the call (so later
 * changes to the caller's collections cannot corrupt a flush) with the exact number of bytes the
 * EMF writer will write for it, so the invocation's metadata is charged in bytes as written.
 */
public final class MetadataValues {

    /**
     * The metadata budget of one invocation: its metadata members and the request and trace id
     * members, in bytes as written. Every blob repeats them; with the largest metric part a blob
     * can have (100 metrics of 255 three-byte characters with 100 values of 24 characters each:
     * about 410 KB), the largest dimension part (30 keys of 250 and values of 1,024 characters:
     * about 46 KB) and the envelope, a blob stays under CloudWatch's 1 MB.
     */
    public static final long MAX_METADATA_BYTES = 512 * 1024;
    private static final int MAX_DEPTH = 32;

    private MetadataValues() {
    }

    /**
     * A copied value with its size as written.
     *
     * @param value the copy: String, Boolean, Long, Double, BigInteger, BigDecimal, List, Map or null
     * @param bytes the UTF-8 size of its JSON as the EMF writer writes it
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

    /**
     * The size of one metadata member as written: {@code ,"key":value}.
     *
     * @param key the key
     * @param value the copied value
     * @return its size in bytes
     */
    public static long memberBytes(String key, Copy value) {
        return 2 + JsonBytes.encodedLength(key) + value.bytes();
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
            size[0] += JsonBytes.encodedLength(text);
            return text;
        }
        if (value instanceof Boolean bool) {
            size[0] += bool ? 4 : 5;
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            size[0] += JsonBytes.encodedLength(number);
            return number;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("Invalid metadata '" + key + "': " + d
                        + " is not a JSON number (NaN and infinite values are not allowed)");
            }
            size[0] += Double.toString(d).length(); // the writer keeps Java's rendering
            return d;
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            size[0] += value.toString().length();
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            size[0] += 2 + Math.max(0, map.size() - 1); // braces and commas
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new IllegalArgumentException("Invalid metadata '" + key + "': a map key is null");
                }
                String name = Validation.metadataMapKey(key, entry.getKey().toString());
                size[0] += JsonBytes.encodedLength(name) + 1;
                copy.put(name, copy(key, entry.getValue(), size, depth + 1));
            }
            if (copy.size() != map.size()) {
                throw new IllegalArgumentException("Invalid metadata '" + key + "': two map keys have the same text; "
                        + "a JSON object holds each member once");
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> copy = new ArrayList<>();
            size[0] += 2;
            for (Object element : iterable) {
                if (!copy.isEmpty()) {
                    size[0] += 1;
                }
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
}
