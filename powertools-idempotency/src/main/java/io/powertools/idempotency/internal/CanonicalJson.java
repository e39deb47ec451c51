package io.powertools.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The text that gets hashed: a canonical JSON form in which object keys are sorted and there is
 * no whitespace, so two events that differ only in key order or formatting hash the same.
 * A scalar is hashed as its plain value (a string without quotes, a number as written), like
 * Powertools for AWS Lambda (Java) does, so single-value keys match tables written by it.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * The canonical text of a node.
     *
     * @param node the node; not null
     * @return the text to hash
     */
    public static String of(JsonNode node) {
        if (node.isValueNode()) {
            return node.isTextual() ? node.textValue() : node.asText();
        }
        StringBuilder out = new StringBuilder(64);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            String[] names = new String[node.size()];
            Iterator<String> it = node.fieldNames();
            for (int i = 0; it.hasNext(); i++) {
                names[i] = it.next();
            }
            Arrays.sort(names);
            out.append('{');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                // TextNode.toString() gives the correctly escaped, quoted JSON string.
                out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(names[i]).toString()).append(':');
                write(node.get(names[i]), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }
}
