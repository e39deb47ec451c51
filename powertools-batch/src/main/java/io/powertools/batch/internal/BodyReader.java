package io.powertools.batch.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.powertools.batch.RecordDeserializationException;
import io.powertools.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads record bodies into the user's type with the shared Jackson configuration. The reader is
 * resolved once, when the processor is built; {@code String} bodies are passed through as text
 * instead of being parsed as JSON.
 *
 * @param <T> the body type
 */
public final class BodyReader<T> {

    private final ObjectReader reader;
    private final String typeName;
    private final boolean rawText;

    private BodyReader(ObjectReader reader, String typeName, boolean rawText) {
        this.reader = reader;
        this.typeName = typeName;
        this.rawText = rawText;
    }

    /**
     * A reader for a class.
     *
     * @param type the body class
     * @param <T> the body type
     * @return the reader
     */
    public static <T> BodyReader<T> of(Class<T> type) {
        Objects.requireNonNull(type, "bodyType");
        return new BodyReader<>(Json.reader().forType(type), type.getName(), type == String.class);
    }

    /**
     * A reader for a generic type such as {@code List<Order>}.
     *
     * @param type the body type
     * @param <T> the body type
     * @return the reader
     */
    public static <T> BodyReader<T> of(TypeReference<T> type) {
        Objects.requireNonNull(type, "bodyType");
        return new BodyReader<>(Json.reader().forType(type), type.getType().getTypeName(),
                type.getType() == String.class);
    }

    /**
     * Reads a text body (SQS).
     *
     * @param body the body
     * @return the value
     * @throws RecordDeserializationException when the body is missing or does not fit the type
     */
    @SuppressWarnings("unchecked")
    public T fromText(String body) throws RecordDeserializationException {
        if (body == null) {
            throw new RecordDeserializationException("The record has no body to read as " + typeName, null);
        }
        if (rawText) {
            return (T) body;
        }
        try {
            return nonNull(reader.readValue(body));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Reads a binary body (Kinesis data, already base64-decoded by the runtime) without moving
     * the buffer's position.
     *
     * @param data the data
     * @return the value
     * @throws RecordDeserializationException when the data is missing or does not fit the type
     */
    @SuppressWarnings("unchecked")
    public T fromBytes(ByteBuffer data) throws RecordDeserializationException {
        if (data == null) {
            throw new RecordDeserializationException("The record has no data to read as " + typeName, null);
        }
        ByteBuffer view = data.duplicate();
        if (rawText) {
            return (T) StandardCharsets.UTF_8.decode(view).toString();
        }
        try {
            if (view.hasArray()) { // no copy for heap buffers, the usual case
                return nonNull(reader.readValue(view.array(), view.arrayOffset() + view.position(), view.remaining()));
            }
            return nonNull(reader.readValue(DynamoDbImages.bytes(view)));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Binds a JSON tree (a converted DynamoDB image).
     *
     * @param tree the tree
     * @return the value
     * @throws RecordDeserializationException when the tree does not fit the type
     */
    @SuppressWarnings("unchecked")
    public T fromTree(JsonNode tree) throws RecordDeserializationException {
        try {
            if (rawText) {
                return (T) Json.write(tree);
            }
            return nonNull(reader.readValue(tree));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private T nonNull(T value) throws RecordDeserializationException {
        if (value == null) {
            throw new RecordDeserializationException("The record's body is JSON null, not a " + typeName, null);
        }
        return value;
    }

    private RecordDeserializationException unreadable(IOException e) {
        String reason = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        return new RecordDeserializationException("The record's body cannot be read as " + typeName + ": " + reason, e);
    }
}
