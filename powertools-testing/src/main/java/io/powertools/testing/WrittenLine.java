package io.powertools.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the validators of printed lines share: the size of a line as written (without its newline),
 * strict UTF-8 decoding, the search for unpaired surrogates (which have no UTF-8 form) and the
 * strict parse of the line as one JSON object.
 */
final class WrittenLine {

    private WrittenLine() {
    }

    static String withoutNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** Length of the line in the buffer without its terminating newline. */
    static int lengthWithoutNewline(byte[] line, int offset, int length) {
        return length > 0 && line[offset + length - 1] == '\n' ? length - 1 : length;
    }

    /** Decodes bytes, failing on anything that is not well-formed UTF-8. */
    static String decodeStrictly(byte[] line, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(line, offset, length))
                .toString();
    }

    /** Index of the first surrogate that is not part of a pair, or -1. */
    static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses a line's text strictly as one JSON object without line breaks inside.
     *
     * @return the object, or null when it is not one (the reason is added to the problems)
     */
    static JsonNode parseObject(String body, List<String> problems) {
        if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            problems.add("line contains a line break inside");
        }
        JsonNode root;
        try {
            root = StrictJson.read(body);
        } catch (JsonProcessingException e) {
            problems.add("not JSON (or duplicate key): " + e.getOriginalMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add("root is not an object");
            return null;
        }
        return root;
    }

    static String shorten(String line) {
        return line.length() > 2000 ? line.substring(0, 2000) + "..." : line;
    }
}
