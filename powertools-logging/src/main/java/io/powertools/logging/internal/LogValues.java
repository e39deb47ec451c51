package io.powertools.logging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.core.json.JsonSupport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * Turns user values into what the layout can write without further work: a String, Boolean,
 * finite Number, {@link RawJson} or null. Conversion (and redaction) happens once, when a key or
 * structured argument is created, not each time a line is written.
 */
public final class LogValues {

    private static final AtomicBoolean WARNED_NO_JSON = new AtomicBoolean();

    private LogValues() {
    }

    /**
     * Normalises a value.
     *
     * @param value any value; maps, collections and POJOs become JSON through Jackson
     * @param redactor masks sensitive members of structured values
     * @return a String, Boolean, Number, RawJson or null; never throws for an unserialisable value
     *     (a placeholder text says why instead)
     */
    public static Object normalize(Object value, Redactor redactor) {
        if (value instanceof String) {
            return redactor.redactJsonText((String) value);
        }
        if (value == null || value instanceof Boolean || value instanceof RawJson) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // JSON has no NaN or Infinity: write them as text rather than break the line.
            return Double.isFinite(d) ? value : value.toString();
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
            String text = safeToString(value);
            return text == null ? failedToString(value) : redactor.redactJsonText(text);
        }
        return toRawJson(value, redactor);
    }

    /** A value's toString(), or null when it throws (user code must not fail because it logged). */
    private static String safeToString(Object value) {
        try {
            return value.toString();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return null;
        }
    }

    private static String failedToString(Object value) {
        return "[" + value.getClass().getName() + ": toString() failed]";
    }

    /**
     * Serialises a structured value to compact JSON, masking sensitive members.
     *
     * @param value the value
     * @param redactor the redactor
     * @return the JSON, or a placeholder text naming the type and the reason when Jackson fails
     */
    public static Object toRawJson(Object value, Redactor redactor) {
        if (!JsonSupport.isAvailable()) {
            return withoutJsonSupport(value);
        }
        try {
            JsonNode tree = value instanceof JsonNode ? ((JsonNode) value).deepCopy() : Json.toTree(value);
            return new RawJson(Json.write(redactor.redact(tree)));
        } catch (RuntimeException | StackOverflowError e) {
            return unserializable(value, e);
        }
    }

    /**
     * Validates user-supplied JSON text and compacts it onto one line.
     *
     * @param json the text
     * @param redactor the redactor
     * @return the JSON, or the text itself as a JSON string when it is not valid JSON
     */
    public static Object parseRawJson(String json, Redactor redactor) {
        if (json == null) {
            return null;
        }
        if (!JsonSupport.isAvailable()) {
            // Without a parser its keys cannot be redacted: it is not written as JSON.
            return withoutJsonSupport(json);
        }
        try {
            return new RawJson(Json.write(redactor.redact(Json.parse(json))));
        } catch (RuntimeException e) {
            if (redactor.mentionsSensitiveKey(json)) {
                // A configured secret may be in it, and it cannot be parsed to mask it: never written raw.
                InternalLog.warn("Structured argument is not valid JSON and mentions a redacted key: it is not written");
                return Redactor.UNPARSABLE;
            }
            InternalLog.warn("Structured argument is not valid JSON and is logged as text: " + e.getMessage());
            return json;
        }
    }

    /**
     * What an object value becomes when Jackson is missing: a note naming the type and the fix in
     * its place, and one warning per process. Not its {@code toString()}: nested keys could not
     * be redacted.
     *
     * @param value the value
     * @return the note
     */
    static String withoutJsonSupport(Object value) {
        if (WARNED_NO_JSON.compareAndSet(false, true)) {
            InternalLog.warn("Structured values other than text, numbers and booleans are written as a note, "
                    + "not as JSON: they need Jackson on the class path (" + JsonSupport.ARTIFACTS + ")");
        }
        return "[" + value.getClass().getName() + " not written: JSON values need " + JsonSupport.ARTIFACTS
                + " on the class path]";
    }

    /**
     * The placeholder logged instead of a value Jackson cannot serialise.
     *
     * @param value the value
     * @param failure why it failed
     * @return the placeholder text
     */
    public static String unserializable(Object value, Throwable failure) {
        String reason = failure.getMessage();
        if (reason != null && reason.length() > 300) {
            reason = reason.substring(0, 300) + "...";
        }
        return "[" + value.getClass().getName() + " could not be serialized to JSON: "
                + failure.getClass().getSimpleName() + ": " + reason + "]";
    }

    /**
     * Writes a normalised value.
     *
     * @param writer the layout's writer
     * @param value a value returned by {@link #normalize(Object, Redactor)}
     */
    public static void write(JsonWriter writer, Object value) {
        write(writer, value, Integer.MAX_VALUE);
    }

    /**
     * Writes a normalised value, bounding pre-rendered JSON.
     *
     * @param writer the layout's writer
     * @param value a value returned by {@link #normalize(Object, Redactor)}
     * @param rawJsonLimit longest JSON (in characters) written as JSON; longer JSON is written as a
     *     string, which the writer cuts at its maxStringLength with its marker
     */
    public static void write(JsonWriter writer, Object value, int rawJsonLimit) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String) {
            writer.writeString((String) value);
        } else if (value instanceof RawJson) {
            String json = ((RawJson) value).json();
            if (json.length() <= rawJsonLimit) {
                writer.writeRawString(json);
            } else {
                writer.writeString(json);
            }
        } else if (value instanceof Boolean) {
            writer.writeBoolean((Boolean) value);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writer.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long) {
            writer.writeNumber((long) (Long) value);
        } else if (value instanceof Double || value instanceof Float) {
            writer.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal) {
            writer.writeNumber((BigDecimal) value);
        } else if (value instanceof BigInteger) {
            writer.writeNumber((BigInteger) value);
        } else {
            writer.writeString(value.toString());
        }
    }
}
