package io.powertools.logging.internal;

/**
 * A value already rendered as compact, valid JSON (an object, array or scalar), written into the
 * log line as is. Only code in this module creates it, always from Jackson's output, so the text
 * is known to be one valid JSON value without line breaks.
 */
public final class RawJson {

    private final String json;

    RawJson(String json) {
        this.json = json;
    }

    /**
     * The JSON text.
     *
     * @return compact JSON
     */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
