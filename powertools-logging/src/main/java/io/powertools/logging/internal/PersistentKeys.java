package io.powertools.logging.internal;

/**
 * Keys that stay on every line of the process (set at init, e.g. a deployment stage). Process
 * wide by nature; writes are rare and copy the small array, reads are a volatile load.
 */
public final class PersistentKeys {

    private static volatile KeyValues keys = KeyValues.EMPTY;

    private PersistentKeys() {
    }

    /**
     * The keys.
     *
     * @return the current set
     */
    public static KeyValues get() {
        return keys;
    }

    /**
     * Adds or replaces a key.
     *
     * @param key the key
     * @param value the normalised value
     */
    public static synchronized void put(String key, Object value) {
        keys = keys.with(key, value);
    }

    /**
     * Removes a key.
     *
     * @param key the key
     */
    public static synchronized void remove(String key) {
        keys = keys.without(key);
    }

    /** Removes every key. */
    public static synchronized void clear() {
        keys = KeyValues.EMPTY;
    }
}
