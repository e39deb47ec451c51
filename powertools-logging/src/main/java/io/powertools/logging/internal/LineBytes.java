package io.powertools.logging.internal;

/**
 * The size of a line in UTF-8 bytes as it will be written, and the one repair a JSON line may need
 * before it is encoded: a lone surrogate (half of a pair, from a bad string) has no UTF-8 form, so
 * the encoder would write {@code ?}. In a value it is written as its JSON escape
 * ({@code \}{@code ud800}), which keeps the character; in a member name it becomes U+FFFD, because
 * common strict parsers (Jackson among them) refuse a lone surrogate escape in a name. Structure
 * characters are ASCII, so a surrogate can only be inside a string.
 */
final class LineBytes {

    /** Bit set in {@link #measure}'s result when the text has a lone surrogate. */
    private static final long LONE_SURROGATE = 1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LineBytes() {
    }

    /**
     * Measures text in one pass.
     *
     * @param text the text
     * @param end where to stop (exclusive)
     * @return the UTF-8 size (each lone surrogate counted as its 6-byte escape) shifted left by one,
     *     with the lowest bit set when there is a lone surrogate
     */
    static long measure(CharSequence text, int end) {
        long bytes = 0;
        long flags = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (!Character.isSurrogate(c)) {
                bytes += 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 6;
                flags = LONE_SURROGATE;
            }
        }
        return bytes << 1 | flags;
    }

    static int bytes(long measure) {
        return (int) (measure >>> 1);
    }

    static boolean hasLoneSurrogate(long measure) {
        return (measure & LONE_SURROGATE) != 0;
    }

    /**
     * Rewrites every lone surrogate of a JSON line: as an escape in values, as U+FFFD in names.
     *
     * @param line the line, valid JSON but for its lone surrogates (changed)
     * @param scratch a buffer to use (its content is lost)
     */
    static void escapeLoneSurrogates(StringBuilder line, StringBuilder scratch) {
        scratch.setLength(0);
        int length = line.length();
        boolean inString = false;
        int[] escapes = new int[4];
        int escapeCount = 0;
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (!inString) {
                scratch.append(c);
                if (c == '"') {
                    inString = true;
                    escapeCount = 0;
                }
            } else if (c == '\\' && i + 1 < length) {
                scratch.append(c).append(line.charAt(++i));
            } else if (c == '"') {
                scratch.append(c);
                inString = false;
                if (escapeCount > 0 && nextIsColon(line, i + 1)) {
                    // The string was a member name: replace its escapes, last first so positions hold.
                    for (int e = escapeCount - 1; e >= 0; e--) {
                        scratch.replace(escapes[e], escapes[e] + 6, "\ufffd");
                    }
                }
            } else if (!Character.isSurrogate(c)) {
                scratch.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(line.charAt(i + 1))) {
                scratch.append(c).append(line.charAt(++i));
            } else {
                if (escapeCount == escapes.length) {
                    escapes = java.util.Arrays.copyOf(escapes, escapeCount * 2);
                }
                escapes[escapeCount++] = scratch.length();
                scratch.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            }
        }
        line.setLength(0);
        line.append(scratch);
    }

    private static boolean nextIsColon(CharSequence line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ') {
                return c == ':';
            }
        }
        return false;
    }
}
