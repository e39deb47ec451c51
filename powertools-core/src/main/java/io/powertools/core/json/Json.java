package io.powertools.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration every module shares, built once at class init.
 *
 * <p>The mapper itself is never handed out, because an {@code ObjectMapper} can be reconfigured
 * by whoever holds it; modules use the immutable {@link #reader()} and {@link #writer()} or the
 * helpers here, and users who need a mapper of their own get a fresh copy from
 * {@link #newMapper()}. Settings: unknown properties are ignored (events grow new fields),
 * {@code java.time} values and dates are written as ISO-8601 text, and empty beans serialise as
 * {@code {}} instead of failing.
 */
public final class Json {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private Json() {
    }

    /**
     * A new mapper with the library's settings, for callers that need to add their own modules.
     *
     * @return a mapper nobody else holds
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * The shared reader.
     *
     * @return an immutable reader with the library's settings
     */
    public static ObjectReader reader() {
        return READER;
    }

    /**
     * The shared writer.
     *
     * @return an immutable writer with the library's settings
     */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /**
     * Parses JSON text into a tree.
     *
     * @param json the text
     * @return the tree
     * @throws IllegalArgumentException when the text is not valid JSON, with the parser's reason
     */
    public static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Converts any value (a POJO, a map, an aws-lambda-java-events type) into a tree.
     *
     * @param value the value; may be null
     * @return the tree ({@code NullNode} for null)
     */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Converts a tree into a value of the given type.
     *
     * @param node the tree
     * @param type the wanted type
     * @param <T> the wanted type
     * @return the value
     * @throws IllegalArgumentException when the tree does not fit the type
     */
    public static <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            return READER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("JSON does not fit " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a value as compact JSON text.
     *
     * @param value the value; may be null
     * @return the JSON text
     * @throws UncheckedIOException when the value cannot be serialised
     */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
