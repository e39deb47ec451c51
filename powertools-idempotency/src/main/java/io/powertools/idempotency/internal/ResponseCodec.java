package io.powertools.idempotency.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.powertools.core.json.Json;
import io.powertools.idempotency.IdempotencyPersistenceException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes a response to the stored {@code data} text and back, for one response type (generic
 * types included). One codec per type, shared by every wrapper, annotated method and call of that
 * type: the reader for the type is resolved once, not per call.
 *
 * @param <T> the response type
 */
public final class ResponseCodec<T> {

    /** One codec per response class, for {@code Idempotency.call}, which gets the class on every call. */
    private static final ClassValue<ResponseCodec<?>> BY_CLASS = new ClassValue<>() {
        @Override
        protected ResponseCodec<?> computeValue(Class<?> type) {
            return new ResponseCodec<>(TypeFactory.defaultInstance().constructType(type));
        }
    };

    /**
     * Codecs of generic types, for the {@code call} variants that get a TypeReference or JavaType on
     * every call. Response types are written in the program, so there are few; the cap only guards
     * against a caller that builds a new type per call.
     */
    private static final Map<JavaType, ResponseCodec<?>> BY_TYPE = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_TYPES = 256;

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
     * The codec of a Java type (a class, or a parameterized type from a TypeReference), shared
     * between calls like {@link #forClass}.
     *
     * @param type the type
     * @param <T> the response type
     * @return the codec
     */
    public static <T> ResponseCodec<T> forType(Type type) {
        return forType(TypeFactory.defaultInstance().constructType(type));
    }

    /**
     * The codec of a Jackson type, shared between calls like {@link #forClass}.
     *
     * @param type the type
     * @param <T> the response type
     * @return the codec
     */
    @SuppressWarnings("unchecked")
    public static <T> ResponseCodec<T> forType(JavaType type) {
        ResponseCodec<?> codec = BY_TYPE.get(type);
        if (codec == null) {
            codec = new ResponseCodec<>(type);
            if (BY_TYPE.size() < MAX_CACHED_TYPES) {
                BY_TYPE.putIfAbsent(type, codec);
            }
        }
        return (ResponseCodec<T>) codec;
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
