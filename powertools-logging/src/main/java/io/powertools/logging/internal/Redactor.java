package io.powertools.logging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Masks the values of sensitive keys (at any depth) before they are logged. Keys match ignoring
 * case, so {@code Authorization} and {@code authorization} are both masked.
 */
public final class Redactor {

    /** What a masked value becomes. */
    public static final String MASK = "***";

    private static final Redactor NONE = new Redactor(Set.of());

    private final Set<String> keys;

    private Redactor(Set<String> keys) {
        this.keys = keys;
    }

    /**
     * A redactor for the given keys.
     *
     * @param keys the sensitive keys
     * @return the redactor
     */
    public static Redactor of(Collection<String> keys) {
        if (keys.isEmpty()) {
            return NONE;
        }
        return new Redactor(keys.stream().map(k -> k.trim().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * A redactor that masks nothing.
     *
     * @return the redactor
     */
    public static Redactor none() {
        return NONE;
    }

    /**
     * Whether nothing is masked.
     *
     * @return true when no key is sensitive
     */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * The sensitive keys, lower case.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return keys;
    }

    /**
     * Whether a key's value must be masked.
     *
     * @param key the key
     * @return true when sensitive
     */
    public boolean isSensitive(String key) {
        return !keys.isEmpty() && key != null && keys.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Masks sensitive members of a tree in place.
     *
     * @param node the tree (modified)
     * @return the same tree
     */
    public JsonNode redact(JsonNode node) {
        if (keys.isEmpty() || node == null) {
            return node;
        }
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSensitive(field.getKey())) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode) {
            for (JsonNode item : node) {
                redact(item);
            }
        }
        return node;
    }

    /**
     * Merges two redactors.
     *
     * @param other the other one
     * @return a redactor masking the keys of both
     */
    public Redactor and(Redactor other) {
        if (other.keys.isEmpty()) {
            return this;
        }
        if (keys.isEmpty()) {
            return other;
        }
        return new Redactor(java.util.stream.Stream.concat(keys.stream(), other.keys.stream())
                .collect(Collectors.toUnmodifiableSet()));
    }
}
