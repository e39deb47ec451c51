package io.powertools.idempotency.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.powertools.core.json.Json;
import io.powertools.idempotency.IdempotencyPersistenceException;
import java.lang.reflect.Type;

/**
 * Serializes a response to the stored {@code data} text and back, for one response type (generic
 * types included). Built once per wrapped function or annotated method: the reader for the type
 * is resolved here, not per call.
 *
 * @param <T> the response type
 */
public final class ResponseCodec<T> {

    /** One codec per response class, for {@code Idempotency.call}, which gets the class on every call. */
    private static final ClassValue<ResponseCodec<?>> BY_CLASS = new ClassValue<>() {
        @Override
        protected ResponseCodec<?> computeValue(Class<?> type) {
            return of((Type) type);
        }
    };

    private final JavaType type;
    private final ObjectReader reader;

    private ResponseCodec(JavaType type) {
        this.type = type;
        this.reader = Json.reader().forType(type);
    }

    /**
     * The codec of a response class, built once per class and shared (codecs are immutable).
     *
     * @param type the class
     * @param <T> the response type
     * @return the codec
     */
    @SuppressWarnings("unchecked")
    public static <T> ResponseCodec<T> forClass(Class<T> type) {
        return (ResponseCodec<T>) BY_CLASS.get(type);
    }

    /**
     * A codec for a Jackson type.
     *
     * @param type the type
     * @param <T> the response type
     * @return the codec
     */
    public static <T> ResponseCodec<T> of(JavaType type) {
        return new ResponseCodec<>(type);
    }

    /**
     * A codec for a Java type (a class or a parameterized type from reflection or a TypeReference).
     *
     * @param type the type
     * @param <T> the response type
     * @return the codec
     */
    public static <T> ResponseCodec<T> of(Type type) {
        return new ResponseCodec<>(TypeFactory.defaultInstance().constructType(type));
    }

    /**
     * Serializes a response.
     *
     * @param key the idempotency key, for the error message
     * @param value the response; may be null
     * @return JSON text
     * @throws IdempotencyPersistenceException when the value cannot be serialized
     */
    public String write(String key, Object value) {
        try {
            return Json.writer().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IdempotencyPersistenceException("Cannot serialize the response of idempotency key '" + key
                    + "' (" + value.getClass().getName() + ") as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Deserializes a stored response.
     *
     * @param key the idempotency key, for the error message
     * @param data the stored JSON text
     * @return the response
     * @throws IdempotencyPersistenceException when the stored data is missing or does not fit the type
     */
    public T read(String key, String data) {
        if (data == null) {
            throw new IdempotencyPersistenceException("Corrupt idempotency record '" + key
                    + "': COMPLETED but has no data; delete the item", null);
        }
        try {
            return reader.readValue(data);
        } catch (JsonProcessingException e) {
            throw new IdempotencyPersistenceException("Corrupt idempotency record '" + key + "': its data does not "
                    + "fit " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
