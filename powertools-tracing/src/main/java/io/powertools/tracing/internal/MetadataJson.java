package io.powertools.tracing.internal;

import io.powertools.core.json.Json;
import io.powertools.core.json.JsonBytes;
import io.powertools.core.json.JsonSupport;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a metadata value (or a captured response) to JSON when it is put, not when the document
 * is written: the value may change or be garbage afterwards, and the size is known at once.
 * Strings, numbers, booleans, null, maps, iterables and arrays are written directly; other objects
 * through Jackson when it is on the class path, else as their {@code toString()}.
 */
final class MetadataJson {

    private static final int MAX_DEPTH = 32;

    private MetadataJson() {
    }

    static byte[] render(Object value) {
        JsonBytes out = new JsonBytes(64);
        write(out, value, 0);
        return Arrays.copyOf(out.array(), out.size());
    }

    private static void write(JsonBytes out, Object value, int depth) {
        if (value == null) {
            out.ascii("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            out.string(value.toString());
        } else if (value instanceof Boolean bool) {
            out.bool(bool);
        } else if (value instanceof Number number) {
            writeNumber(out, number);
        } else if (depth >= MAX_DEPTH) {
            // Deeper than any document needs: most likely a structure that contains itself.
            out.string("(nested deeper than " + MAX_DEPTH + " levels: " + value.getClass().getName() + ")");
        } else if (value instanceof Map<?, ?> map) {
            out.raw('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                out.string(String.valueOf(entry.getKey())).raw(':');
                write(out, entry.getValue(), depth + 1);
            }
            out.raw('}');
        } else if (value instanceof Iterable<?> items) {
            out.raw('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                write(out, item, depth + 1);
            }
            out.raw(']');
        } else if (value.getClass().isArray()) {
            out.raw('[');
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    out.raw(',');
                }
                write(out, Array.get(value, i), depth + 1);
            }
            out.raw(']');
        } else if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null), depth);
        } else {
            writeObject(out, value);
        }
    }

    private static void writeNumber(JsonBytes out, Number number) {
        if (number instanceof BigDecimal || number instanceof BigInteger) {
            out.ascii(number instanceof BigDecimal decimal ? decimal.toString() : number.toString());
        } else if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isFinite(value)) {
                out.number(value);
            } else {
                out.string(Double.toString(value)); // JSON has no NaN or Infinity; keep what it was as text
            }
        } else {
            out.number(number.longValue());
        }
    }

    private static void writeObject(JsonBytes out, Object value) {
        if (JsonSupport.isAvailable()) {
            try {
                out.raw(Json.write(value).getBytes(StandardCharsets.UTF_8));
                return;
            } catch (RuntimeException e) {
                out.string(value.getClass().getName() + " could not be written as JSON (" + e.getMessage() + "): " + value);
                return;
            }
        }
        out.string(String.valueOf(value));
    }
}
