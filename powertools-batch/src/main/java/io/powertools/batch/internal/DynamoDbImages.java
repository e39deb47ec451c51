package io.powertools.batch.internal;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Turns a DynamoDB stream image (typed attribute values) into plain JSON, so Jackson can bind it
 * to the user's type: S to text, N to an exact number (integral when it has no fraction), BOOL,
 * NULL, M to an object, L and sets to arrays, B to binary (base64 when bound to a String).
 */
public final class DynamoDbImages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DynamoDbImages() {
    }

    /**
     * Converts an image.
     *
     * @param image the attributes
     * @return the JSON object
     * @throws NumberFormatException when an N value is not a number
     */
    public static ObjectNode toJson(Map<String, AttributeValue> image) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, AttributeValue> entry : image.entrySet()) {
            object.set(entry.getKey(), toJson(entry.getValue()));
        }
        return object;
    }

    private static JsonNode toJson(AttributeValue value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value.getS() != null) {
            return NODES.textNode(value.getS());
        }
        if (value.getN() != null) {
            return number(value.getN());
        }
        if (value.getBOOL() != null) {
            return NODES.booleanNode(value.getBOOL());
        }
        if (value.getM() != null) {
            return toJson(value.getM());
        }
        if (value.getL() != null) {
            ArrayNode array = NODES.arrayNode();
            for (AttributeValue element : value.getL()) {
                array.add(toJson(element));
            }
            return array;
        }
        if (value.getSS() != null) {
            ArrayNode array = NODES.arrayNode();
            value.getSS().forEach(array::add);
            return array;
        }
        if (value.getNS() != null) {
            ArrayNode array = NODES.arrayNode();
            for (String n : value.getNS()) {
                array.add(number(n));
            }
            return array;
        }
        if (value.getB() != null) {
            return NODES.binaryNode(bytes(value.getB()));
        }
        if (value.getBS() != null) {
            ArrayNode array = NODES.arrayNode();
            List<ByteBuffer> set = value.getBS();
            for (ByteBuffer b : set) {
                array.add(NODES.binaryNode(bytes(b)));
            }
            return array;
        }
        return NODES.nullNode(); // NULL, or an attribute type this events version does not know
    }

    private static JsonNode number(String text) {
        BigDecimal decimal = new BigDecimal(text);
        if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
            BigInteger integer = decimal.toBigIntegerExact();
            // The node types Jackson picks when it parses the same number from JSON text.
            int bits = integer.bitLength();
            if (bits < 32) {
                return NODES.numberNode(integer.intValue());
            }
            return bits < 64 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
        }
        return NODES.numberNode(decimal);
    }

    /**
     * The bytes of a buffer, without moving its position (other code may read it too).
     *
     * @param buffer the buffer
     * @return a copy of its remaining bytes
     */
    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
