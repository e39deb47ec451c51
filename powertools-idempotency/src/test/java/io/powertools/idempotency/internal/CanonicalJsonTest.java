package io.powertools.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertools.core.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndDropsWhitespace() {
        String a = CanonicalJson.of(Json.parse("{\"b\": {\"y\": 1, \"x\": [true, null, \"s\"]}, \"a\": 2.5}"));
        String b = CanonicalJson.of(Json.parse("{\"a\":2.5,\n \"b\":{\"x\":[true,null,\"s\"],\"y\":1}}"));
        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":2.5,\"b\":{\"x\":[true,null,\"s\"],\"y\":1}}");
    }

    @Test
    void keepsArrayOrderAndEscapesStrings() {
        assertThat(CanonicalJson.of(Json.parse("[2,1]"))).isNotEqualTo(CanonicalJson.of(Json.parse("[1,2]")));
        assertThat(CanonicalJson.of(Json.parse("{\"q\\\"k\":\"line\\nbreak\"}"))).isEqualTo("{\"q\\\"k\":\"line\\nbreak\"}");
    }

    @Test
    void scalarsAreTheirPlainValueLikePowertoolsJava() {
        assertThat(CanonicalJson.of(Json.parse("\"abc\""))).isEqualTo("abc");
        assertThat(CanonicalJson.of(Json.parse("42"))).isEqualTo("42");
        assertThat(CanonicalJson.of(Json.parse("true"))).isEqualTo("true");
    }

    @Test
    void matchesJacksonsOwnSerializationOfTheSortedTree() {
        // Oracle: the same tree rebuilt with sorted keys and printed by JsonNode.toString().
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            JsonNode tree = randomContainer(random, 0);
            assertThat(CanonicalJson.of(tree)).as("round %d: %s", round, tree).isEqualTo(sorted(tree).toString());
        }
    }

    @Test
    void numbersAndOddLeavesFromJavaObjectsAreWrittenAsJacksonWritesThem() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("z", Double.NaN);
        event.put("big", new BigDecimal("1.50E+3"));
        event.put("huge", new BigInteger("123456789012345678901234567890"));
        event.put("float", 0.1f);
        event.put("bytes", new byte[] {1, 2, 3});
        event.put("nothing", null);
        JsonNode tree = Json.toTree(event);
        assertThat(CanonicalJson.of(tree)).isEqualTo(sorted(tree).toString())
                .contains("\"bytes\":\"AQID\"", "\"z\":\"NaN\"");
    }

    private static JsonNode randomContainer(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (random.nextBoolean()) {
            ObjectNode object = f.objectNode();
            for (int i = random.nextInt(6); i > 0; i--) {
                object.set(randomText(random), randomNode(random, depth + 1));
            }
            return object;
        }
        ArrayNode array = f.arrayNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            array.add(randomNode(random, depth + 1));
        }
        return array;
    }

    private static JsonNode randomNode(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (random.nextInt(depth < 4 ? 10 : 8)) {
            case 0: return f.textNode(randomText(random));
            case 1: return f.numberNode(random.nextInt());
            case 2: return f.numberNode(random.nextLong());
            case 3: return f.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4: return f.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(30) - 15));
            case 5: return f.booleanNode(random.nextBoolean());
            case 6: return f.nullNode();
            case 7: return f.numberNode((float) random.nextGaussian());
            default: return randomContainer(random, depth);
        }
    }

    private static String randomText(Random random) {
        String alphabet = "ab\"\\/\n\t\u0000\u001f\u007f\u00e9\u20ac\ud83d\ude00 {}:,";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            new TreeMap<String, JsonNode>(toMap(node)).forEach((k, v) -> copy.set(k, sorted(v)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> copy.add(sorted(child)));
            return copy;
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }
}
