package io.powertools.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.powertools.core.json.Json;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The canonical, type-exact JSON text of a key: two JSON values get the same text if and only if
 * they are equal up to member order, whitespace and number spelling.
 *
 * <ul>
 *   <li>Objects: members sorted by name (UTF-16 order), no whitespace. Arrays keep their order.</li>
 *   <li>Strings: quoted; {@code "} and {@code \} escaped, control characters and unpaired
 *       surrogates as {@code \}{@code uXXXX}, everything else as is. So {@code "1"} never equals
 *       {@code 1}, and a string spelling an object never equals that object.</li>
 *   <li>Numbers: an <b>integer</b> (JSON text without fraction or exponent; a Java {@code int},
 *       {@code long} or {@code BigInteger}) is its decimal digits: {@code 1}, {@code -12}. A
 *       <b>decimal</b> (JSON text with a fraction or exponent; a Java {@code double}, {@code float}
 *       or {@code BigDecimal}, even when whole, since Jackson may strip a {@code BigDecimal}'s zeros)
 *       is its exact value with trailing zeros removed, as {@code <digits>e<exponent>}: {@code 1.0},
 *       {@code 1.00} and {@code 10e-1} are all {@code 1e0}; {@code 1.5} is {@code 15e-1};
 *       {@code 1e2} and {@code 100.0} are {@code 1e2}. Integers and decimals are different types, so
 *       {@code 1} and {@code 1.0} differ. Non-finite doubles from Java objects are {@code NaN},
 *       {@code Infinity}, {@code -Infinity} (unquoted, so unlike the strings).</li>
 *   <li>{@code true}, {@code false}, {@code null}; a byte array is the Base64 string Jackson
 *       writes for it.</li>
 * </ul>
 *
 * <p>The exponent form keeps the text as long as the digits written: a hostile {@code 1e999999999}
 * stays 11 characters instead of expanding to a billion zeros.
 */
public final class CanonicalJson {

    /** Deepest nesting accepted, as Jackson's default stream limits: deeper keys are refused, never overflow the stack. */
    static final int MAX_DEPTH = 1000;

    private CanonicalJson() {
    }

    /**
     * The canonical text of a node.
     *
     * @param node the node; not null
     * @return the canonical JSON text
     */
    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(64);
        write(node, out, 0);
        return out.toString();
    }

    /**
     * Whether a string's UTF-8 encoding is exact: it has no unpaired surrogate (which UTF-8
     * encoders replace with {@code ?}, so two strings would encode alike).
     *
     * @param text the string
     * @return true when every surrogate is paired
     */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void write(JsonNode node, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the key data is nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (node.getNodeType()) {
            case OBJECT -> {
                String[] names = new String[node.size()];
                Iterator<String> it = node.fieldNames();
                for (int i = 0; it.hasNext(); i++) {
                    names[i] = it.next();
                }
                Arrays.sort(names);
                out.append('{');
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(names[i], out);
                    out.append(':');
                    write(node.get(names[i]), out, depth + 1);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out, depth + 1);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case BINARY -> writeString(node.asText(), out); // Base64, as Jackson writes a byte[]
            case POJO -> write(Json.toTree(((POJONode) node).getPojo()), out, depth + 1);
            default -> out.append("null"); // NULL, MISSING
        }
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            out.append(node.isBigInteger() ? node.bigIntegerValue().toString() : Long.toString(node.longValue()));
            return;
        }
        BigDecimal value;
        if (node.isBigDecimal()) {
            value = node.decimalValue();
        } else {
            double d = node.doubleValue(); // a float widens exactly; its shortest text is used below
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                return;
            }
            value = node.isFloat() ? new BigDecimal(Float.toString(node.floatValue())) : BigDecimal.valueOf(d);
        }
        if (value.signum() == 0) {
            out.append("0e0");
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        out.append(stripped.unscaledValue()).append('e').append(-(long) stripped.scale());
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                appendEscaped(c, out);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                appendEscaped(c, out); // unpaired: escaped, so UTF-8 encoding does not turn it into '?'
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void appendEscaped(char c, StringBuilder out) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        for (int pad = hex.length(); pad < 4; pad++) {
            out.append('0');
        }
        out.append(hex);
    }
}
