package io.powertools.logging;

import io.powertools.core.Invocation;
import io.powertools.logging.internal.LogState;
import io.powertools.logging.internal.PersistentKeys;
import io.powertools.logging.internal.ReservedKeys;
import java.util.Map;
import java.util.Objects;

/**
 * Keys added to every line: temporary keys belong to the current invocation (its worker threads
 * included) and vanish when it ends, so they never leak into another request, even when many run
 * at once; persistent keys stay on every line of the process.
 *
 * <pre>{@code
 * LogKeys.appendPersistentKey("stage", "prod");   // at init
 * LogKeys.appendKey("orderId", order.id());        // in the handler: this request only
 * }</pre>
 *
 * <p>Values are converted once, when added: strings, numbers and booleans as such; maps,
 * collections and objects as JSON. Reserved keys ({@code level}, {@code message},
 * {@code function_request_id}...) are refused with a warning naming the key.
 */
public final class LogKeys {

    private LogKeys() {
    }

    /**
     * Adds (or replaces) a key on the current invocation's lines.
     *
     * @param key the key
     * @param value the value; may be null
     * @throws IllegalStateException outside an invocation (use {@link #appendPersistentKey} at init)
     */
    public static void appendKey(String key, Object value) {
        LogState state = requireState(key);
        if (ReservedKeys.accept(key)) {
            state.putKey(key, StructuredArguments.normalize(key, value));
        }
    }

    /**
     * Adds every entry of a map as temporary keys.
     *
     * @param keys the keys and values
     * @throws IllegalStateException outside an invocation
     */
    public static void appendKeys(Map<String, ?> keys) {
        Objects.requireNonNull(keys, "keys");
        for (Map.Entry<String, ?> entry : keys.entrySet()) {
            appendKey(entry.getKey(), entry.getValue());
        }
    }

    /**
     * Removes a temporary key from the current invocation.
     *
     * @param key the key
     */
    public static void removeKey(String key) {
        LogState state = LogState.current();
        if (state != null) {
            state.removeKey(key);
        }
    }

    /** Removes every temporary key of the current invocation. */
    public static void clearKeys() {
        LogState state = LogState.current();
        if (state != null) {
            state.clearKeys();
        }
    }

    /**
     * Adds (or replaces) a key on every line of the process, in every invocation.
     *
     * @param key the key
     * @param value the value; may be null
     */
    public static void appendPersistentKey(String key, Object value) {
        if (ReservedKeys.accept(key)) {
            PersistentKeys.put(key, StructuredArguments.normalize(key, value));
        }
    }

    /**
     * Adds every entry of a map as persistent keys.
     *
     * @param keys the keys and values
     */
    public static void appendPersistentKeys(Map<String, ?> keys) {
        Objects.requireNonNull(keys, "keys");
        for (Map.Entry<String, ?> entry : keys.entrySet()) {
            appendPersistentKey(entry.getKey(), entry.getValue());
        }
    }

    /**
     * Removes a persistent key.
     *
     * @param key the key
     */
    public static void removePersistentKey(String key) {
        PersistentKeys.remove(key);
    }

    /** Removes every persistent key. */
    public static void clearPersistentKeys() {
        PersistentKeys.clear();
    }

    private static LogState requireState(String key) {
        Invocation invocation = Invocation.currentOrNull();
        if (invocation == null) {
            throw new IllegalStateException("Temporary log key '" + key + "' can only be added inside an invocation "
                    + "(a handler decorated by PowertoolsLogging or @Logging, or opened with Invocation.open); "
                    + "during init use LogKeys.appendPersistentKey");
        }
        return LogState.of(invocation);
    }
}
