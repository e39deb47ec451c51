package io.powertools.logging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.json.Json;
import io.powertools.core.json.JsonSupport;
import io.powertools.logging.LoggingConfiguration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Masks the values of sensitive keys (at any depth) before they are logged. Keys match ignoring
 * case, so {@code Authorization} and {@code authorization} are both masked. JSON carried in a
 * string (an API Gateway or ALB {@code body}, an SQS or SNS message, an MDC value) is parsed and
 * masked the same way; text that starts like JSON and mentions a sensitive key but cannot be
 * parsed is not written.
 */
public final class Redactor {

    /** What a masked value becomes. */
    public static final String MASK = "***";

    /** What text becomes when it mentions a sensitive key but cannot be parsed to mask it. */
    public static final String UNPARSABLE = "[not written: text that is not valid JSON mentions a redacted key]";

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
     * The process's redactor: the keys of {@code POWERTOOLS_LOGGER_REDACT_KEYS}, read once.
     *
     * @return the redactor
     */
    public static Redactor processWide() {
        return ProcessWide.REDACTOR;
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
                } else if (field.getValue().isTextual()) {
                    field.setValue((JsonNode) redactText(field.getValue()));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, (JsonNode) redactText(array.get(i)));
                } else {
                    redact(array.get(i));
                }
            }
        }
        return node;
    }

    /**
     * A text node with its JSON masked. Typed Object on purpose: the class must load without
     * Jackson (it is optional), and a method returning a Jackson subtype as JsonNode would make the
     * verifier load both.
     */
    private Object redactText(Object node) {
        String original = ((JsonNode) node).textValue();
        String redacted = redactJsonText(original);
        if (redacted == original) {
            return node;
        }
        return TextNode.valueOf(redacted);
    }

    /**
     * Masks sensitive members of JSON carried in a string. Text that does not start like JSON
     * ({@code {} or {@code [}), or mentions no sensitive key, is returned as is (the same instance);
     * JSON that does is returned re-written, masked; text that starts like JSON, mentions a sensitive
     * key but cannot be parsed (a cut body, say) is replaced by {@link #UNPARSABLE}, because what
     * follows the key cannot be found reliably.
     *
     * @param text the text
     * @return the text to write
     */
    public String redactJsonText(String text) {
        // Cheapest test first: this runs for MDC values on every line when keys are configured.
        if (keys.isEmpty() || text == null || !looksLikeJson(text) || !mentionsSensitiveKey(text)) {
            return text;
        }
        if (!JsonSupport.isAvailable()) {
            return UNPARSABLE;
        }
        try {
            return Json.write(redact(Json.parse(text)));
        } catch (RuntimeException | StackOverflowError e) {
            return UNPARSABLE;
        }
    }

    /**
     * Whether the text contains the name of a sensitive key, ignoring case.
     *
     * @param text the text
     * @return true when a sensitive key appears in it
     */
    public boolean mentionsSensitiveKey(String text) {
        if (keys.isEmpty()) {
            return false;
        }
        for (String key : keys) {
            int last = text.length() - key.length();
            for (int i = 0; i <= last; i++) {
                if (text.regionMatches(true, i, key, 0, key.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
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

    /** Read on first use, so loading the class reads no environment. */
    private static final class ProcessWide {
        static final Redactor REDACTOR = of(ExecutionEnvironment.get().environment()
                .get(LoggingConfiguration.POWERTOOLS_LOGGER_REDACT_KEYS)
                .map(text -> Arrays.asList(text.split(",")))
                .orElse(java.util.List.of()));
    }
}
