package io.powertools.idempotency.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The text that gets hashed: a canonical JSON form in which object keys are sorted and there is
 * no whitespace, so two events that differ only in key order or formatting hash the same.
 * A scalar is hashed as its plain value (a string without quotes, a number as written), like
 * Powertools for AWS Lambda (Java) does, so single-value keys match tables written by it.
 *
 * <p>Objects and arrays are written with one streaming generator per call. Names and values are
 * escaped and numbers formatted exactly as Jackson's {@code JsonNode.toString()} does (same
 * default generator settings), without paying for a full {@code ObjectWriter} per leaf.
 */
public final class CanonicalJson {

    /** Default settings, as the mapper behind {@code JsonNode.toString()} uses; thread-safe. */
    private static final JsonFactory FACTORY = new JsonFactory();

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
        StringWriter out = new StringWriter(64);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the canonical form of an idempotency key", e); // in memory
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                String[] names = new String[node.size()];
                Iterator<String> it = node.fieldNames();
                for (int i = 0; it.hasNext(); i++) {
                    names[i] = it.next();
                }
                Arrays.sort(names);
                out.writeStartObject();
                for (String name : names) {
                    out.writeFieldName(name);
                    write(node.get(name), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (int i = 0; i < node.size(); i++) {
                    write(node.get(i), out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            // Numeric nodes write themselves with the generator's number formatting; the provider is unused.
            case NUMBER -> ((NumericNode) node).serialize(out, null);
            // Binary and POJO leaves (rare: from events holding byte[] or unknown objects) need a provider.
            default -> out.writeRawValue(node.toString());
        }
    }
}
