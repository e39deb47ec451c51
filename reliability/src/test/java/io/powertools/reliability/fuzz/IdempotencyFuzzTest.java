package io.powertools.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertools.core.Invocation;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.IdempotencyConfigurationException;
import io.powertools.idempotency.IdempotencyException;
import io.powertools.idempotency.persistence.InMemoryPersistenceStore;
import io.powertools.reliability.support.Garbage;
import io.powertools.reliability.support.LogFile;
import io.powertools.testing.FakeContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Idempotency key extraction on arbitrary payloads: JSON trees of any shape, Java maps, text, bytes,
 * values Jackson cannot write, payloads nested deeper than Jackson allows, under JMESPath expressions
 * that find, miss or cannot apply. Only the documented exceptions ({@code IdempotencyException}
 * subclasses, or the protected code's own) may come out; a key that was found makes a second call
 * with the same payload, or with its object keys in another order, a replay.
 */
class IdempotencyFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 3000);
    private static final List<String> PATHS = Arrays.asList(null, "orderId", "body",
            "powertools_json(body).orderId", "[orderId, id]", "requestContext.requestId", "Records[0].body",
            "powertools_base64(data)", "powertools_json(powertools_base64(data))", "headers.\"x-amzn-trace-id\"",
            "a.b.c", "*", "@", "{o: orderId, i: id}", "Records[*].messageId");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The protected code's own failure, which must come out unchanged. */
    static final class BodyFailure extends RuntimeException {
        BodyFailure(String message) {
            super(message);
        }
    }

    @Test
    void expressionsAreAcceptedOrRefusedWithTheDocumentedExceptionAtBuild() {
        Garbage garbage = new Garbage(SEED + 10);
        List<String> expressions = new ArrayList<>(List.of("[", "orderId[", "powertools_json(", "a..b",
                "'unterminated", "unknown_function(a)", "powertools_json()", "||", "", " "));
        for (int i = 0; i < 500; i++) {
            expressions.add(garbage.text());
        }
        int refused = 0;
        for (String expression : expressions) {
            try {
                IdempotencyConfig.builder().persistenceStore(new InMemoryPersistenceStore())
                        .eventKeyJmesPath(expression).build();
            } catch (IdempotencyConfigurationException e) {
                assertThat(e.getMessage()).as("message for '%s'", expression).isNotBlank();
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(10);
    }

    @Test
    void keysAreExtractedFromArbitraryPayloadsWithOnlyDocumentedFailures() {
        // A payload the key cannot be derived from (wrong type for a JMESPath function, nesting
        // deeper than JSON allows, a self-referencing map) must end in IdempotencyKeyException.
        assertThat(fuzzKeyExtraction()).as("undocumented exceptions out of Idempotency.call (type -> first case)")
                .isEmpty();
    }

    private Map<String, String> fuzzKeyExtraction() {
        long logOffset = LogFile.size();
        Garbage garbage = new Garbage(SEED + 11);
        List<Idempotency> instances = new ArrayList<>();
        for (String path : PATHS) {
            for (boolean strict : new boolean[] {false, true}) {
                IdempotencyConfig.Builder config = IdempotencyConfig.builder()
                        .persistenceStore(new InMemoryPersistenceStore()).throwOnNoIdempotencyKey(strict)
                        .functionName("fuzz");
                if (path != null) {
                    config.eventKeyJmesPath(path);
                }
                instances.add(Idempotency.of(config.build()));
            }
        }
        Map<String, String> escapes = new TreeMap<>();
        int replays = 0;
        for (int c = 0; c < CASES; c++) {
            int which = c % instances.size();
            Idempotency idempotency = instances.get(which);
            boolean strict = which % 2 == 1;
            Object payload = payload(garbage);
            String name = "case" + c;
            boolean inInvocation = garbage.chance(0.5);
            FakeContext context = FakeContext.builder().awsRequestId("idem-" + c).functionName("fuzz")
                    .tenantId(garbage.chance(0.3) ? garbage.text() : null).build();
            try (Invocation.Scope scope = inInvocation ? Invocation.open(payload, context) : null) {
                AtomicInteger runs = new AtomicInteger();
                boolean fails = garbage.chance(0.1);
                Outcome first = attempt(idempotency, name, payload, runs, fails, escapes);
                if (first.succeeded() && strict && !fails) {
                    // A key was found (strict mode would have thrown otherwise): duplicates replay.
                    Outcome second = attempt(idempotency, name, payload, runs, false, escapes);
                    assertThat(second.value()).as("case %d: replay", c).isEqualTo(first.value());
                    // "*" projects an object's values in key order: there, key order rightly matters.
                    if (payload instanceof JsonNode tree && !"*".equals(PATHS.get(which / 2))) {
                        Outcome reordered = attempt(idempotency, name, reversedOnLargeStack(tree), runs, false, escapes);
                        assertThat(reordered.value()).as("case %d: replay with keys reordered", c)
                                .isEqualTo(first.value());
                    }
                    assertThat(runs.get()).as("case %d: executions (path %s, payload %s)", c, PATHS.get(which / 2),
                            abbreviate(payload)).isEqualTo(1);
                    replays++;
                }
            }
        }
        assertThat(replays).isPositive();
        LogFile.linesSince(logOffset);
        return escapes;
    }

    private record Outcome(boolean succeeded, String value) {
    }

    private static Outcome attempt(Idempotency idempotency, String name, Object payload, AtomicInteger runs,
            boolean fails, Map<String, String> escapes) {
        try {
            String value = idempotency.call(name, payload, String.class, () -> {
                runs.incrementAndGet();
                if (fails) {
                    throw new BodyFailure(name);
                }
                return "result of " + name;
            });
            return new Outcome(true, value);
        } catch (IdempotencyException | BodyFailure documented) {
            return new Outcome(false, documented.getClass().getSimpleName());
        } catch (RuntimeException | StackOverflowError e) {
            escapes.putIfAbsent(e.getClass().getName(), name + " (" + describe(payload) + "): " + e.getMessage());
            return new Outcome(false, e.getClass().getSimpleName());
        }
    }

    private static Object payload(Garbage garbage) {
        switch (garbage.nextInt(12)) {
            case 0:
                return garbage.value(3);
            case 1:
                return garbage.text();
            case 2:
                return garbage.chance(0.5) ? Garbage.selfReferencing() : Garbage.deepMap(2000 + garbage.nextInt(2000));
            case 3:
                return garbage.deepTree(1500 + garbage.nextInt(2000));
            case 4:
                return null;
            default: {
                // Shaped like the events the expressions look into, with random values.
                ObjectNode event = NODES.objectNode();
                if (garbage.chance(0.7)) {
                    event.set("orderId", garbage.tree(1));
                }
                if (garbage.chance(0.5)) {
                    event.set("id", garbage.tree(1));
                }
                if (garbage.chance(0.5)) {
                    event.put("body", garbage.chance(0.5) ? "{\"orderId\":" + garbage.shallowTree(1) + "}" : garbage.jsonText());
                }
                if (garbage.chance(0.4)) {
                    event.put("data", garbage.chance(0.5)
                            ? Base64.getEncoder().encodeToString(garbage.jsonText().getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8))
                            : garbage.text());
                }
                if (garbage.chance(0.3)) {
                    event.putObject("requestContext").set("requestId", garbage.tree(1));
                }
                if (garbage.chance(0.3)) {
                    event.putObject("headers").set("x-amzn-trace-id", garbage.tree(1));
                }
                if (garbage.chance(0.3)) {
                    ArrayNode records = event.putArray("Records");
                    for (int i = garbage.nextInt(3); i > 0; i--) {
                        records.addObject().put("messageId", garbage.text()).set("body", garbage.tree(1));
                    }
                }
                if (garbage.chance(0.2)) {
                    event.set(garbage.text(), garbage.tree(3));
                }
                return event;
            }
        }
    }

    /**
     * {@link #reversed} on a thread with a large stack: payloads go 3,500 levels deep, which the
     * library walks without recursion but this test helper does not, and the default stack of a
     * test thread is not always enough.
     */
    private static JsonNode reversedOnLargeStack(JsonNode tree) {
        java.util.concurrent.atomic.AtomicReference<JsonNode> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(null, () -> result.set(reversed(tree)), "reverse-keys", 256L * 1024 * 1024);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reordering a payload's keys", e);
        }
        return result.get();
    }

    /** The same tree with every object's keys in reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            ObjectNode copy = NODES.objectNode();
            for (int i = names.size() - 1; i >= 0; i--) {
                copy.set(names.get(i), reversed(node.get(names.get(i))));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(reversed(it.next()));
            }
            return copy;
        }
        return node;
    }

    private static String abbreviate(Object payload) {
        String text;
        try {
            text = String.valueOf(payload);
        } catch (RuntimeException | StackOverflowError e) {
            text = "(not printable: " + e.getClass().getSimpleName() + ")";
        }
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    static String describe(Object payload) {
        String text = payload == null ? "null" : payload.getClass().getSimpleName();
        return payload instanceof JsonNode || payload instanceof Map ? text + " of depth >= 1" : text;
    }
}
