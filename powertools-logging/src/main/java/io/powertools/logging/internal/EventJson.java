package io.powertools.logging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertools.core.json.Json;
import io.powertools.core.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The logging decorator's work on the event as JSON: the tree for the correlation id and the
 * event line. Jackson is optional, so this is the only decorator class that names Jackson types,
 * and it is reached only when logEvent or a correlation id path is configured (both checked
 * against {@link io.powertools.core.json.JsonSupport} at init).
 */
public final class EventJson {

    private EventJson() {
    }

    /**
     * The event as a JSON tree.
     *
     * @param event the handler's event
     * @return the tree, or null when the event is null or cannot be turned into JSON
     */
    public static Object tree(Object event) {
        if (event == null || event instanceof JsonNode) {
            return event;
        }
        if (event instanceof String) {
            return TextNode.valueOf((String) event);
        }
        try {
            return Json.toTree(event);
        } catch (RuntimeException | StackOverflowError e) {
            // logEvent then logs the placeholder saying why; the handler still runs.
            return null;
        }
    }

    /**
     * The correlation id the path finds in the tree.
     *
     * @param path the path
     * @param tree a tree from {@link #tree(Object)}, or null
     * @return the id, or null when there is none (a container or an empty value is none)
     */
    public static String correlationId(JsonPath path, Object tree) {
        if (tree == null) {
            return null;
        }
        try {
            JsonNode found = path.search((JsonNode) tree);
            if (found == null || found.isNull() || found.isMissingNode() || found.isContainerNode()) {
                return null;
            }
            String id = found.asText();
            return id.isEmpty() ? null : id;
        } catch (RuntimeException e) {
            InternalLog.warn("No correlation id: " + e.getMessage());
            return null;
        }
    }

    /**
     * The input of a stream handler as a tree, or as text when it is not JSON.
     *
     * @param bytes the input
     * @return a tree or a string
     */
    public static Object parseOrText(byte[] bytes) {
        try {
            return Json.reader().readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
