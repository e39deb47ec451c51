package io.powertools.logging.internal;

import java.util.Set;

/**
 * Keys the layout writes itself. A user key with one of these names would produce a duplicate
 * JSON member (and break Logs Insights queries), so it is refused with a warning.
 */
public final class ReservedKeys {

    private static final Set<String> KEYS = Set.of(
            "level", "message", "timestamp", "logger", "error", "service", "cold_start",
            "function_name", "function_version", "function_arn", "function_memory_size",
            "function_request_id", "xray_trace_id", "tenant_id", "correlation_id", "sampling_rate");

    private ReservedKeys() {
    }

    /**
     * Whether the layout owns the key.
     *
     * @param key the key
     * @return true when users may not set it
     */
    public static boolean isReserved(String key) {
        return KEYS.contains(key);
    }

    /**
     * Checks a user key, warning (and returning false) when it cannot be used.
     *
     * @param key the key; may be null
     * @return true when the key can be added
     */
    public static boolean accept(String key) {
        if (key == null || key.isEmpty()) {
            InternalLog.warn("A log key must not be null or empty; the value was not added");
            return false;
        }
        if (KEYS.contains(key)) {
            InternalLog.warn("Log key '" + key + "' is reserved by powertools-logging and was not added; "
                    + "choose another name");
            return false;
        }
        return true;
    }
}
