package io.powertools.logging.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Names the layout writes itself. A user value under one of them would give the line the same
 * member twice (a strict parser rejects the line; Logs Insights keeps one of the two values, so a
 * request id or level could be forged), so such a value is refused, with one warning per name.
 */
public final class ReservedKeys {

    private static final Set<String> KEYS = Set.of(
            "level", "message", "timestamp", "logger", "error", "service", "cold_start",
            "function_name", "function_version", "function_arn", "function_memory_size",
            "function_request_id", "xray_trace_id", "tenant_id", "correlation_id", "sampling_rate");

    /** Names already warned about; at most the reserved names plus the empty one. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

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
     * Checks a user key (LogKeys, structured arguments), warning once per name when it cannot be used.
     *
     * @param key the key; may be null
     * @return true when the key can be added
     */
    public static boolean accept(String key) {
        if (key == null || key.isEmpty()) {
            if (WARNED.add("")) {
                InternalLog.warn("A log key must not be null or empty; the value was not added "
                        + "(warned once, later ones are refused the same way)");
            }
            return false;
        }
        if (KEYS.contains(key)) {
            if (WARNED.add(key)) {
                InternalLog.warn("Log key '" + key + "' is reserved by powertools-logging and was not added; "
                        + "choose another name (warned once per name, later ones are refused the same way)");
            }
            return false;
        }
        return true;
    }

    /**
     * Reports, once per name, an MDC entry left out of a line because its name is reserved. Called
     * while a line is being written, so it goes to Log4j's status logger (standard error): a log
     * line written from inside the appender would be dropped as a recursive call.
     *
     * @param key the reserved name
     */
    static void warnLeftOut(String key) {
        if (WARNED.add("mdc:" + key)) {
            StatusLogger.getLogger().warn("powertools-logging: the MDC / ThreadContext entry '{}' is left out of "
                    + "log lines because the layout writes that name itself; rename the entry (warned once)", key);
        }
    }

    /** Forgets which names were warned about, so tests can see each warning. */
    public static void forgetWarnings() {
        WARNED.clear();
    }
}
