package io.powertools.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 JSON with the few primitives a fixed-shape document needs: constant
 * fragments, strings, integers, doubles and fixed-point decimals. The modules that emit documents
 * of a known shape (EMF lines, X-Ray segment documents) write them with this instead of a general
 * JSON generator, whose context tracking, separators and per-document setup they do not need; it
 * works without Jackson on the class path.
 *
 * <p>The caller writes separators itself. Not thread-safe.
 */
public final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Integral doubles below this magnitude are exact as a long and written without a fraction. */
    private static final double EXACT_LONG_LIMIT = 9.007199254740992E15;
    /** Exact powers of ten for the short-decimal path (every one is exactly representable). */
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    /** Short decimals are written digit by digit while the unscaled value stays an exact long. */
    private static final double SHORT_DECIMAL_LIMIT = 1e6;
    private static final double SHORT_DECIMAL_MIN = 1e-3;

    private byte[] bytes;
    private int size;

    /**
     * Creates a buffer.
     *
     * @param capacity the initial capacity in bytes; the buffer grows as needed
     */
    public JsonBytes(int capacity) {
        this.bytes = new byte[capacity];
    }

    /**
     * Encodes a constant fragment once, at class initialisation of its user.
     *
     * @param fragment ASCII JSON text
     * @return its bytes
     */
    public static byte[] fragment(String fragment) {
        return fragment.getBytes(StandardCharsets.US_ASCII);
    }

    /** Empties the buffer, keeping its array. */
    public void reset() {
        size = 0;
    }

    /**
     * The backing array.
     *
     * @return the bytes written so far (valid up to {@link #size()})
     */
    public byte[] array() {
        return bytes;
    }

    /**
     * How many bytes were written.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The capacity of the backing array.
     *
     * @return the capacity
     */
    public int capacity() {
        return bytes.length;
    }

    /**
     * Appends a pre-encoded fragment.
     *
     * @param fragment bytes from {@link #fragment(String)}
     * @return this buffer
     */
    public JsonBytes raw(byte[] fragment) {
        ensure(fragment.length);
        System.arraycopy(fragment, 0, bytes, size, fragment.length);
        size += fragment.length;
        return this;
    }

    /**
     * Appends one ASCII character (a separator or bracket).
     *
     * @param c the character
     * @return this buffer
     */
    public JsonBytes raw(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /**
     * Writes a quoted, escaped string. Printable ASCII without quote or backslash (every name and
     * dimension the validation lets through) takes the fast loop.
     *
     * @param text the text
     * @return this buffer
     */
    public JsonBytes string(String text) {
        int length = text.length();
        ensure(length + 2);
        byte[] b = bytes;
        int at = size;
        b[at++] = '"';
        int i = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                break;
            }
            b[at++] = (byte) c;
        }
        size = at;
        if (i < length) {
            escapedTail(text, i);
        }
        ensure(1);
        bytes[size++] = '"';
        return this;
    }

    private void escapedTail(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                ensure(2);
                bytes[size++] = '\\';
                bytes[size++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x80) {
                ensure(1);
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                ensure(2);
                bytes[size++] = (byte) (0xc0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                ensure(4);
                bytes[size++] = (byte) (0xf0 | (codePoint >> 18));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                bytes[size++] = (byte) (0x80 | (codePoint & 0x3f));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; the JSON escape keeps the text valid and the value intact.
                escapeUnicode(c);
            } else {
                ensure(3);
                bytes[size++] = (byte) (0xe0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                bytes[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }
    }

    /**
     * How many bytes {@link #string(String)} writes for a text, quotes included: the one measure of
     * every size the metrics path charges, so what is counted is what is written.
     *
     * @param text the text
     * @return its size as a JSON string in UTF-8
     */
    public static long encodedLength(String text) {
        int length = text.length();
        long bytes = 2;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                bytes += 1;
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += shortEscape(c) == 0 ? 6 : 2;
            } else if (c < 0x800) {
                bytes += c < 0x80 ? 1 : 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 6;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * How many bytes {@link #number(long)} writes.
     *
     * @param value the value
     * @return its size in decimal, sign included
     */
    public static int encodedLength(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        return value < 0 ? 1 + digits(-value) : digits(value);
    }

    /** The letter of a control character's two-byte escape ({@code \n} ...), or 0 when it has none. */
    private static char shortEscape(char c) {
        return switch (c) {
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
    }

    private void escapeControl(char c) {
        char shortForm = shortEscape(c);
        if (shortForm == 0) {
            escapeUnicode(c);
        } else {
            ensure(2);
            bytes[size++] = '\\';
            bytes[size++] = (byte) shortForm;
        }
    }

    private void escapeUnicode(char c) {
        ensure(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[c >> 12];
        bytes[size++] = HEX[(c >> 8) & 0xf];
        bytes[size++] = HEX[(c >> 4) & 0xf];
        bytes[size++] = HEX[c & 0xf];
    }

    /**
     * Writes a long in decimal without allocating.
     *
     * @param value the value
     * @return this buffer
     */
    public JsonBytes number(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int digits = digits(value);
        int end = size + digits;
        for (int at = end - 1; at >= size; at--) {
            bytes[at] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        size = end;
        return this;
    }

    /**
     * Writes a finite double: integral values as integers ({@code 3}, not {@code 3.0}), others in
     * Java's shortest round-trip form, which is valid JSON for finite values.
     *
     * @param value a finite value
     * @return this buffer
     */
    public JsonBytes number(double value) {
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < EXACT_LONG_LIMIT) {
            return number((long) value);
        }
        if (magnitude < SHORT_DECIMAL_LIMIT && magnitude >= SHORT_DECIMAL_MIN) {
            // Most metric values are short decimals (0.5, 12.25 ms); find the fewest fraction digits that
            // round-trip. Dividing two exact doubles rounds the exact quotient to the nearest double, as a
            // JSON parser does with the digits, so a matching quotient proves the digits parse to the value.
            for (int digits = 1; digits < POWERS_OF_TEN.length; digits++) {
                double scaled = Math.rint(magnitude * POWERS_OF_TEN[digits]);
                if (scaled / POWERS_OF_TEN[digits] == magnitude) {
                    return decimal(value < 0, (long) scaled, digits);
                }
            }
        }
        return ascii(Double.toString(value));
    }

    /** Writes {@code unscaled / 10^digits} with exactly {@code digits} fraction digits. */
    private JsonBytes decimal(boolean negative, long unscaled, int digits) {
        long power = (long) POWERS_OF_TEN[digits];
        if (negative) {
            raw('-');
        }
        number(unscaled / power);
        ensure(digits + 1);
        bytes[size++] = '.';
        long fraction = unscaled % power;
        for (int at = size + digits - 1; at >= size; at--) {
            bytes[at] = (byte) ('0' + (fraction % 10));
            fraction /= 10;
        }
        size += digits;
        return this;
    }

    /**
     * Writes a non-negative fixed-point decimal with exactly {@code fractionDigits} fraction
     * digits, e.g. epoch microseconds as seconds: {@code fixedPoint(1480615200010123L, 6)} writes
     * {@code 1480615200.010123}. Plain digits, never an exponent.
     *
     * @param unscaled the value times 10^fractionDigits; not negative
     * @param fractionDigits 1 to 9
     * @return this buffer
     */
    public JsonBytes fixedPoint(long unscaled, int fractionDigits) {
        if (unscaled < 0 || fractionDigits < 1 || fractionDigits >= POWERS_OF_TEN.length) {
            throw new IllegalArgumentException("fixedPoint needs a non-negative value and 1 to "
                    + (POWERS_OF_TEN.length - 1) + " fraction digits, got " + unscaled + " and " + fractionDigits);
        }
        return decimal(false, unscaled, fractionDigits);
    }

    /**
     * Writes {@code true} or {@code false}.
     *
     * @param value the value
     * @return this buffer
     */
    public JsonBytes bool(boolean value) {
        return ascii(value ? "true" : "false");
    }

    /**
     * Writes text known to be ASCII (number renderings, {@code true}, {@code null}).
     *
     * @param text ASCII text that is valid JSON where it is written
     * @return this buffer
     */
    public JsonBytes ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    private static int digits(long value) {
        int digits = 1;
        long bound = 10;
        while (digits < 19 && value >= bound) {
            digits++;
            bound *= 10;
        }
        return digits;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
