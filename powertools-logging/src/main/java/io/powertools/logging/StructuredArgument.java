package io.powertools.logging;

import io.powertools.logging.internal.KeyValues;

/**
 * Key-value pairs passed as a log argument, written as members of the JSON line. Create them with
 * {@link StructuredArguments}; values are converted to JSON (and sensitive keys masked) when the
 * argument is created, so the argument itself is immutable and cheap to write.
 *
 * <p>{@link #toString()} gives {@code key=value} pairs, which is what a {@code {}} placeholder in
 * the message shows.
 */
public final class StructuredArgument {

    private final KeyValues pairs;

    StructuredArgument(KeyValues pairs) {
        this.pairs = pairs;
    }

    /**
     * Number of pairs.
     *
     * @return the count (0 when every key was refused)
     */
    public int size() {
        return pairs.size();
    }

    /**
     * Key of a pair.
     *
     * @param index the position
     * @return the key
     */
    public String key(int index) {
        return pairs.key(index);
    }

    /**
     * Value of a pair, as it is written: a String, Boolean, Number, pre-rendered JSON or null.
     *
     * @param index the position
     * @return the value
     */
    public Object value(int index) {
        return pairs.value(index);
    }

    /**
     * Whether this argument holds a key.
     *
     * @param key the key
     * @return true when present
     */
    public boolean contains(String key) {
        return pairs.contains(key);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(pairs.key(i)).append('=').append(pairs.value(i));
        }
        return text.toString();
    }
}
