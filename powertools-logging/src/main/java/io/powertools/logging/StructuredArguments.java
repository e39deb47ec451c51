package io.powertools.logging;

import io.powertools.logging.internal.KeyValues;
import io.powertools.logging.internal.LogValues;
import io.powertools.logging.internal.Redactor;
import io.powertools.logging.internal.ReservedKeys;
import java.util.Map;

/**
 * Factories for structured arguments: pass them as the last arguments of a log call and their
 * pairs become members of that one line.
 *
 * <pre>{@code
 * import static io.powertools.logging.StructuredArguments.*;
 *
 * log.info("Order placed", entry("orderId", order.id()), entry("total", order.total()));
 * log.info("Shipping {}", entries(Map.of("carrier", "ups", "parcels", 2)));
 * log.info("Raw payload", json("payload", "{\"a\":1}"));
 * }</pre>
 *
 * <p>Reserved keys (those the layout writes, such as {@code level}) are refused with a warning
 * naming the key. Values of keys configured as sensitive are masked, including inside maps and
 * objects.
 */
public final class StructuredArguments {

    private StructuredArguments() {
    }

    /**
     * One pair. Maps, collections and objects are written as JSON (through Jackson); a value that
     * cannot be serialised is written as a text saying why.
     *
     * @param key the key
     * @param value the value; may be null
     * @return the argument
     */
    public static StructuredArgument entry(String key, Object value) {
        if (!ReservedKeys.accept(key)) {
            return new StructuredArgument(KeyValues.EMPTY);
        }
        return new StructuredArgument(KeyValues.EMPTY.with(key, normalize(key, value)));
    }

    /**
     * Every entry of a map, each as its own member.
     *
     * @param entries the pairs; iteration order is kept
     * @return the argument
     */
    public static StructuredArgument entries(Map<String, ?> entries) {
        KeyValues pairs = KeyValues.EMPTY;
        for (Map.Entry<String, ?> entry : entries.entrySet()) {
            if (ReservedKeys.accept(entry.getKey())) {
                pairs = pairs.with(entry.getKey(), normalize(entry.getKey(), entry.getValue()));
            }
        }
        return new StructuredArgument(pairs);
    }

    /**
     * A pair whose value is JSON text, written as JSON (not as a string). Text that is not valid
     * JSON is written as a string, with a warning.
     *
     * @param key the key
     * @param rawJson the JSON text
     * @return the argument
     */
    public static StructuredArgument json(String key, String rawJson) {
        if (!ReservedKeys.accept(key)) {
            return new StructuredArgument(KeyValues.EMPTY);
        }
        Redactor redactor = PowertoolsLogging.redactor();
        Object value = redactor.isSensitive(key) ? Redactor.MASK : LogValues.parseRawJson(rawJson, redactor);
        return new StructuredArgument(KeyValues.EMPTY.with(key, value));
    }

    static Object normalize(String key, Object value) {
        Redactor redactor = PowertoolsLogging.redactor();
        return redactor.isSensitive(key) ? Redactor.MASK : LogValues.normalize(value, redactor);
    }
}
