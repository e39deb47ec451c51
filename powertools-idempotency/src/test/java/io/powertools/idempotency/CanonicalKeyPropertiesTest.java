package io.powertools.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;
import io.powertools.core.json.Json;
import io.powertools.idempotency.persistence.InMemoryPersistenceStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Canonical keys are type-exact: two payloads share a record if and only if they are equal JSON
 * values up to member order, whitespace and number spelling, where integers and decimals are
 * different types ({@code 1}, {@code 1.0} and {@code "1"} are three keys; {@code 1.0},
 * {@code 1.00} and {@code 10e-1} one). Checked through the public API: the second call's code runs
 * exactly when the oracle below says the payloads differ.
 */
class CanonicalKeyPropertiesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Strings that spell other values' canonical forms, escapes, or unpaired surrogates (hostile input). */
    private static final List<String> HOSTILE = List.of("1", "1.0", "1e0", "-0", "true", "null", "{\"a\":1}",
            "[1]", "\"a\"", "?", "\ud800", "\udc00x", "a\u0000", "\\u0000", "\u20ac", "\ud83d\ude00", "");

    @Property(tries = 1500)
    void twoPayloadsShareARecordExactlyWhenTheyAreEqualJsonValues(@ForAll("pairs") Tuple2<JsonNode, JsonNode> pair) {
        JsonNode first = pair.get1();
        JsonNode second = pair.get2();
        boolean secondRan = secondCallRuns(first, second);
        if (secondRan == equal(first, second)) {
            throw new AssertionError((secondRan ? "different keys for equal values " : "one key for different values ")
                    + first + " and " + second);
        }
    }

    @Property(tries = 500)
    void respellingNeverChangesTheKey(@ForAll("json") JsonNode value, @ForAll Random random) {
        JsonNode respelled = respell(value, random);
        if (secondCallRuns(value, respelled)) {
            throw new AssertionError("the key changed: " + value + " respelled as " + respelled);
        }
    }

    @Property(tries = 500)
    void aValueAndItsTextAsAStringNeverShareAKey(@ForAll("json") JsonNode value) {
        if (!secondCallRuns(value, TextNode.valueOf(value.toString())) && !value.isTextual()) {
            throw new AssertionError(value + " and the string \"" + value + "\" share a key");
        }
    }

    /** Runs the first payload, then the second; true when the second call's code ran (no shared record). */
    private static boolean secondCallRuns(JsonNode first, JsonNode second) {
        Idempotency idempotency = Idempotency.of(IdempotencyConfig.builder()
                .persistenceStore(new InMemoryPersistenceStore()).functionName("props").throwOnNoIdempotencyKey(true)
                .executionEnvironment(ExecutionEnvironment.create(Environment.of(Map.of()))).build());
        AtomicInteger runs = new AtomicInteger();
        idempotency.call("key", first, Integer.class, runs::incrementAndGet);
        idempotency.call("key", second, Integer.class, runs::incrementAndGet);
        return runs.get() == 2;
    }

    // ---- generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<JsonNode> json() {
        return value(3).filter(CanonicalKeyPropertiesTest::hasKey);
    }

    @Provide
    Arbitrary<Tuple2<JsonNode, JsonNode>> pairs() {
        Arbitrary<JsonNode> values = json();
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(values, Arbitraries.randoms()).as((v, r) -> Tuple.of(v, respell(v, r)))),
                Tuple.of(3, Combinators.combine(values, Arbitraries.randoms()).as((v, r) -> Tuple.of(v, mutate(v, r)))),
                Tuple.of(2, Combinators.combine(values, values).as(Tuple::of)))
                .filter(p -> hasKey(p.get2()));
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.frequencyOf(
                Tuple.of(3, strings()), Tuple.of(3, integers()), Tuple.of(3, decimals()),
                Tuple.of(1, Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE)),
                Tuple.of(1, Arbitraries.just(NullNode.getInstance())));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(3).map(list -> {
            ArrayNode array = F.arrayNode();
            list.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of("a", "b", "c", "\"", "\ud800"), child)
                .ofMaxSize(3).map(map -> {
                    ObjectNode object = F.objectNode();
                    map.forEach(object::set);
                    return object;
                });
        return Arbitraries.frequencyOf(Tuple.of(4, scalars), Tuple.of(1, arrays), Tuple.of(1, objects));
    }

    private static Arbitrary<JsonNode> strings() {
        Arbitrary<String> random = Arbitraries.strings().withChars("ab1.e\"\\{}:, ").withChars('\ud800', '\u0000', '\u20ac')
                .ofMaxLength(4);
        return Arbitraries.oneOf(random, Arbitraries.of(HOSTILE)).map(TextNode::valueOf);
    }

    private static Arbitrary<JsonNode> integers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 2).map(IntNode::valueOf),
                Arbitraries.longs().between(-2, 2).map(LongNode::valueOf),
                Arbitraries.of(new BigInteger("123456789012345678901234567890"), BigInteger.ONE).map(BigIntegerNode::valueOf));
    }

    private static Arbitrary<JsonNode> decimals() {
        Arbitrary<JsonNode> exact = Combinators.combine(Arbitraries.integers().between(-20, 20),
                Arbitraries.integers().between(-3, 3)).as((unscaled, scale) ->
                        DecimalNode.valueOf(BigDecimal.valueOf(unscaled, scale)));
        Arbitrary<JsonNode> doubles = Arbitraries.of(0.0, -0.0, 0.5, 1.0, 1.5, 2.0, 100.0, 0.1, 1e300, Double.NaN,
                Double.POSITIVE_INFINITY).map(DoubleNode::valueOf);
        return Arbitraries.oneOf(exact, doubles);
    }

    /** The engine runs without a key (null, or nothing but nulls); such payloads are not about key equality. */
    private static boolean hasKey(JsonNode node) {
        if (node.isNull()) {
            return false;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!child.isNull()) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    // ---- the same value, spelled differently ------------------------------------------------

    static JsonNode respell(JsonNode node, Random random) {
        if (random.nextInt(4) == 0 && !hasNonFinite(node) && !hasWholeBigDecimal(node)) {
            // Through text: Jackson writes it (numbers keep their spelling) and parses it back.
            return Json.parse(pad(node.toString(), random));
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode copy = F.objectNode();
            names.forEach(name -> copy.set(name, respell(node.get(name), random)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = F.arrayNode();
            node.forEach(child -> copy.add(respell(child, random)));
            return copy;
        }
        if (isInteger(node)) {
            BigInteger value = node.bigIntegerValue();
            return switch (random.nextInt(3)) {
                case 0 -> value.bitLength() < 32 ? IntNode.valueOf(value.intValue()) : BigIntegerNode.valueOf(value);
                case 1 -> value.bitLength() < 64 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
                default -> BigIntegerNode.valueOf(value);
            };
        }
        if (node.isFloatingPointNumber() && Double.isFinite(node.doubleValue())) {
            BigDecimal value = decimal(node);
            // More trailing zeros, or a double when that holds the value exactly.
            if (random.nextBoolean()) {
                return DecimalNode.valueOf(value.setScale(Math.max(value.scale(), 0) + random.nextInt(3)));
            }
            double d = value.doubleValue();
            return BigDecimal.valueOf(d).compareTo(value) == 0 ? DoubleNode.valueOf(d) : DecimalNode.valueOf(value);
        }
        return node;
    }

    private static String pad(String json, Random random) {
        // Whitespace between tokens only: outside strings, after structural characters.
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c);
            if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\' || escapedBackslash(json, i))) {
                inString = !inString;
            }
            if (!inString && (c == ',' || c == ':' || c == '{' || c == '[') && random.nextBoolean()) {
                out.append(random.nextBoolean() ? " " : "\n\t ");
            }
        }
        return out.toString();
    }

    private static boolean escapedBackslash(String json, int quote) {
        int backslashes = 0;
        for (int i = quote - 1; i >= 0 && json.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    /** Jackson writes a BigDecimal of scale 0 as digits, which read back as an integer: a different value. */
    private static boolean hasWholeBigDecimal(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasWholeBigDecimal(child)) {
                    return true;
                }
            }
            return false;
        }
        return node.isBigDecimal() && node.decimalValue().scale() == 0;
    }

    private static boolean hasNonFinite(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasNonFinite(child)) {
                    return true;
                }
            }
            return false;
        }
        return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
    }

    // ---- a nearby, usually different value --------------------------------------------------

    static JsonNode mutate(JsonNode node, Random random) {
        if (node.isObject() && node.size() > 0 && random.nextBoolean()) {
            ObjectNode copy = node.deepCopy();
            String name = copy.fieldNames().next();
            copy.set(name, mutate(copy.get(name), random));
            return copy;
        }
        if (node.isArray() && node.size() > 0 && random.nextBoolean()) {
            ArrayNode copy = node.deepCopy();
            int i = random.nextInt(copy.size());
            copy.set(i, mutate(copy.get(i), random));
            return copy;
        }
        if (isInteger(node)) {
            return switch (random.nextInt(3)) {
                case 0 -> DecimalNode.valueOf(new BigDecimal(node.bigIntegerValue()).setScale(1)); // 1 -> 1.0
                case 1 -> TextNode.valueOf(node.bigIntegerValue().toString());                      // 1 -> "1"
                default -> BigIntegerNode.valueOf(node.bigIntegerValue().add(BigInteger.ONE));
            };
        }
        if (node.isNumber()) {
            return random.nextBoolean() && Double.isFinite(node.doubleValue())
                    && decimal(node).stripTrailingZeros().scale() <= 0
                    ? BigIntegerNode.valueOf(decimal(node).toBigIntegerExact())                   // 1.0 -> 1
                    : TextNode.valueOf(node.toString());                                           // 1.5 -> "1.5"
        }
        if (node.isTextual()) {
            String text = node.textValue();
            try {
                JsonNode parsed = Json.parse(text); // "1" -> 1, "{\"a\":1}" -> {"a":1}
                if (parsed != null && !parsed.isMissingNode()) {
                    return parsed;
                }
            } catch (RuntimeException notJson) {
                // not JSON: change the text instead
            }
            return TextNode.valueOf(text + "x");
        }
        if (node.isBoolean()) {
            return random.nextBoolean() ? BooleanNode.valueOf(!node.booleanValue()) : TextNode.valueOf(node.toString());
        }
        return random.nextBoolean() ? TextNode.valueOf(node.toString()) : node; // containers and null
    }

    // ---- the oracle: JSON equality, written independently of the library ---------------------

    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode other = b.get(member.getKey());
                if (other == null || !equal(member.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (isInteger(a) || isInteger(b)) {
            return isInteger(a) && isInteger(b) && a.bigIntegerValue().equals(b.bigIntegerValue());
        }
        if (a.isFloatingPointNumber() && b.isFloatingPointNumber()) {
            boolean finite = Double.isFinite(a.doubleValue()) || a.isBigDecimal();
            boolean otherFinite = Double.isFinite(b.doubleValue()) || b.isBigDecimal();
            if (!finite || !otherFinite) {
                return !finite && !otherFinite && Double.compare(a.doubleValue(), b.doubleValue()) == 0;
            }
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        return a.isNull() && b.isNull();
    }

    /** Integers: JSON text without fraction or exponent, Java int, long, BigInteger. */
    static boolean isInteger(JsonNode node) {
        return node.isIntegralNumber();
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isBigDecimal()) {
            return node.decimalValue();
        }
        return node.isFloat() ? new BigDecimal(Float.toString(node.floatValue())) : BigDecimal.valueOf(node.doubleValue());
    }
}
