package io.powertools.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads JSON the way tests must read what a function printed: a member that appears twice in one
 * object is an error (CloudWatch Logs Insights would keep only one of the two values, so a
 * duplicate can forge a field), and so is anything after the first value.
 *
 * <pre>{@code
 * JsonNode response = StrictJson.parse(result.response());
 * }</pre>
 *
 * <p>No reader limits apply (name and string length, nesting depth, number length): those are
 * limits of a parser, not of JSON, and tests check sizes against CloudWatch's limits themselves.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNameLength(Integer.MAX_VALUE)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNestingDepth(Integer.MAX_VALUE)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /**
     * Parses one JSON text.
     *
     * @param json the text
     * @return the tree
     * @throws AssertionError when the text is not one JSON value or an object repeats a member
     */
    public static JsonNode parse(String json) {
        try {
            return read(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not strict JSON (" + e.getOriginalMessage() + "): " + shorten(json), e);
        }
    }

    /**
     * Parses one JSON text from UTF-8 bytes.
     *
     * @param json the bytes
     * @param offset where the text starts
     * @param length how many bytes it has
     * @return the tree
     * @throws AssertionError when the bytes are not one JSON value or an object repeats a member
     */
    public static JsonNode parse(byte[] json, int offset, int length) {
        try {
            return MAPPER.readTree(json, offset, length);
        } catch (IOException e) {
            throw new AssertionError("Not strict JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The parse behind {@link #parse(String)}, for callers that report problems themselves. */
    static JsonNode read(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    private static String shorten(String json) {
        return json.length() > 2000 ? json.substring(0, 2000) + "..." : json;
    }
}
