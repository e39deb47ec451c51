package io.powertools.logging.internal;

import java.util.Arrays;

/**
 * An immutable, insertion-ordered set of log keys and normalised values. Writers replace the
 * whole instance (copy on write), so the layout reads it without locks; there are only ever a
 * handful of keys, so linear search beats hashing.
 */
public final class KeyValues {

    /** No keys. */
    public static final KeyValues EMPTY = new KeyValues(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private KeyValues(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * This set with one key added or replaced.
     *
     * @param key the key
     * @param value the normalised value
     * @return the new set
     */
    public KeyValues with(String key, Object value) {
        int index = indexOf(key);
        if (index >= 0) {
            Object[] newValues = values.clone();
            newValues[index] = value;
            return new KeyValues(keys, newValues);
        }
        String[] newKeys = Arrays.copyOf(keys, keys.length + 1);
        Object[] newValues = Arrays.copyOf(values, values.length + 1);
        newKeys[keys.length] = key;
        newValues[values.length] = value;
        return new KeyValues(newKeys, newValues);
    }

    /**
     * This set without a key.
     *
     * @param key the key
     * @return the new set, or this one when the key is absent
     */
    public KeyValues without(String key) {
        int index = indexOf(key);
        if (index < 0) {
            return this;
        }
        if (keys.length == 1) {
            return EMPTY;
        }
        String[] newKeys = new String[keys.length - 1];
        Object[] newValues = new Object[values.length - 1];
        System.arraycopy(keys, 0, newKeys, 0, index);
        System.arraycopy(values, 0, newValues, 0, index);
        System.arraycopy(keys, index + 1, newKeys, index, keys.length - index - 1);
        System.arraycopy(values, index + 1, newValues, index, values.length - index - 1);
        return new KeyValues(newKeys, newValues);
    }

    /**
     * Position of a key.
     *
     * @param key the key
     * @return the index, or -1
     */
    public int indexOf(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the key is present.
     *
     * @param key the key
     * @return true when present
     */
    public boolean contains(String key) {
        return indexOf(key) >= 0;
    }

    /**
     * Number of keys.
     *
     * @return the size
     */
    public int size() {
        return keys.length;
    }

    /**
     * Key at a position.
     *
     * @param index the position
     * @return the key
     */
    public String key(int index) {
        return keys[index];
    }

    /**
     * Value at a position.
     *
     * @param index the position
     * @return the normalised value
     */
    public Object value(int index) {
        return values[index];
    }
}
