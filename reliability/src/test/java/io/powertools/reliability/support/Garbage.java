package io.powertools.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic random input for the fuzz tests, from one seeded {@link Random}: text with control
 * characters, quotes, lone surrogates, invalid UTF-8 decoded as text, huge strings; JSON trees and
 * plain Java values of any shape, including nesting deeper than parsers and writers allow.
 */
public final class Garbage {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] WORDS = {"orderId", "id", "body", "requestContext", "requestId", "headers",
            "x-amzn-trace-id", "data", "Records", "value", "a", "b", "", " ", "\"", "\\", "null", "{}", "[]",
            "_aws", "level", "message", "function_request_id", "correlation_id", "\u00e9t\u00e9", "\uD83D\uDE00"};

    private final Random random;

    public Garbage(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Some text, usually short, sometimes hostile. */
    public String text() {
        switch (random.nextInt(12)) {
            case 0:
                return WORDS[random.nextInt(WORDS.length)];
            case 1: {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(20); i > 0; i--) {
                    s.append((char) random.nextInt(0x20)); // control characters, NUL included
                }
                return s.toString();
            }
            case 2:
                return "lone " + (char) (0xD800 + random.nextInt(0x800)) + " surrogate";
            case 3: {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return new String(bytes, StandardCharsets.UTF_8); // invalid UTF-8 decoded as text
            }
            case 4: {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
            case 5:
                return chance(0.1) ? "h".repeat(70_000 + random.nextInt(50_000)) : "q\"\\/\n\r\t".repeat(1 + random.nextInt(50));
            case 6: {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(30); i > 0; i--) {
                    s.appendCodePoint(random.nextInt(0x10FFFF + 1));
                }
                return s.toString().replace('\uFFFF', '?');
            }
            case 7:
                return "{\"orderId\":" + random.nextInt(100) + ",\"x\":[" + random.nextInt() + "]}";
            case 8:
                return "{\"truncated\":[1,2,{\"a\":";
            default:
                return "id-" + random.nextInt(1000);
        }
    }

    /** Text meant as a JSON document: valid, malformed or deeply nested. */
    public String jsonText() {
        switch (random.nextInt(6)) {
            case 0:
                return text();
            case 1:
                return "[".repeat(2000 + random.nextInt(3000)) + "]".repeat(random.nextInt(2000));
            case 2:
                return "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
            default:
                return shallowTree(4).toString();
        }
    }

    /** A JSON tree of bounded depth that Jackson can always write. */
    public JsonNode shallowTree(int depth) {
        return node(depth);
    }

    /** A JSON tree of bounded depth, now and then one nested far deeper than Jackson writes by default. */
    public JsonNode tree(int depth) {
        if (chance(0.01)) {
            return deepTree(1500 + random.nextInt(1500));
        }
        return node(depth);
    }

    public JsonNode deepTree(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("k", node);
        }
        return node;
    }

    private JsonNode node(int depth) {
        int kind = depth <= 0 ? 2 + random.nextInt(7) : random.nextInt(9);
        switch (kind) {
            case 0: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(chance(0.6) ? WORDS[random.nextInt(WORDS.length)] : text(), node(depth - 1));
                }
                return object;
            }
            case 1: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    array.add(node(depth - 1));
                }
                return array;
            }
            case 2:
                return NODES.textNode(text());
            case 3:
                return NODES.numberNode(random.nextInt());
            case 4:
                return NODES.numberNode(random.nextLong());
            case 5:
                return NODES.numberNode(chance(0.5) ? random.nextGaussian() * 1e300 : -0.0);
            case 6:
                return NODES.numberNode(chance(0.5) ? new BigDecimal("1e" + (random.nextInt(4000) - 2000))
                        : new BigDecimal(new BigInteger(300, random)));
            case 7:
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.nullNode();
        }
    }

    /** A plain Java value of any shape (what a handler's Map event may hold). */
    public Object value(int depth) {
        switch (depth <= 0 ? 3 + random.nextInt(6) : random.nextInt(9)) {
            case 0: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(chance(0.6) ? WORDS[random.nextInt(WORDS.length)] : text(), value(depth - 1));
                }
                return map;
            }
            case 1: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(value(depth - 1));
                }
                return list;
            }
            case 2: {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 3:
                return text();
            case 4:
                return random.nextInt();
            case 5:
                return random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
            case 6:
                return random.nextDouble() * 1e10;
            case 7:
                return null;
            default:
                return new BigDecimal(random.nextInt(1000)).scaleByPowerOfTen(-random.nextInt(30));
        }
    }

    /** A map that contains itself: no serializer can write it. */
    public static Map<String, Object> selfReferencing() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("me", map);
        return map;
    }

    /** A Java map nested deeper than Jackson's default limits. */
    public static Map<String, Object> deepMap(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bottom", true);
        for (int i = 0; i < depth; i++) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("k", map);
            map = outer;
        }
        return map;
    }
}
