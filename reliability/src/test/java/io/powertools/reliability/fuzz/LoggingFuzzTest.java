package io.powertools.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertools.core.json.Json;
import io.powertools.logging.CorrelationIdPaths;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.logging.StructuredArguments;
import io.powertools.reliability.support.Garbage;
import io.powertools.reliability.support.LogFile;
import io.powertools.testing.FakeContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Arbitrary events through the logging decorator with event logging and correlation-id extraction
 * on, and arbitrary messages, keys and structured arguments logged inside: the handler runs once and
 * its result or exception comes out unchanged, nothing else escapes, the correlation id is exactly
 * the scalar found at the path (or none), and every line Log4j2 really wrote is one valid JSON object
 * carrying its invocation's request id, with one "Handler Event" line per invocation.
 */
class LoggingFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 3000);
    private static final Logger LOG = LoggerFactory.getLogger(LoggingFuzzTest.class);
    private static final List<String> PATHS = List.of(CorrelationIdPaths.API_GATEWAY_REST,
            CorrelationIdPaths.APPLICATION_LOAD_BALANCER, CorrelationIdPaths.EVENT_BRIDGE,
            CorrelationIdPaths.APPSYNC_RESOLVER, CorrelationIdPaths.S3_OBJECT_LAMBDA, "detail.id", "a.b");

    /** The handler's own failure, which must come out unchanged. */
    static final class HandlerFailure extends Exception {
        HandlerFailure(String message) {
            super(message);
        }
    }

    @Test
    void arbitraryEventsAreLoggedAsValidJsonAndCorrelationIdsAreExact() {
        long logOffset = LogFile.size();
        Garbage garbage = new Garbage(SEED + 20);
        Map<String, LoggingOptions> options = new HashMap<>();
        PATHS.forEach(path -> options.put(path, LoggingOptions.builder().logEvent(true).logResponse(true)
                .logError(true).correlationIdPath(path).samplingRate(0.5).clearState(true).build()));
        Map<String, String> escapes = new TreeMap<>();
        for (int c = 0; c < CASES; c++) {
            String path = PATHS.get(c % PATHS.size());
            Object event = event(garbage, path);
            String requestId = "log-" + c;
            FakeContext context = FakeContext.builder().awsRequestId(requestId).functionName("fuzz")
                    .tenantId(garbage.chance(0.2) ? garbage.text() : null).build();
            AtomicInteger runs = new AtomicInteger();
            boolean fails = garbage.chance(0.1);
            String message = garbage.text();
            String key = "k" + garbage.nextInt(5);
            Object keyValue = garbage.chance(0.5) ? garbage.value(2) : garbage.tree(2);
            Object argument = garbage.value(2);
            String mdc = garbage.text();
            List<Optional<String>> seenCorrelation = new ArrayList<>();
            HandlerFailure failure = new HandlerFailure("handler failure " + requestId);
            String expectedResult = "response of " + requestId;
            try {
                String result = PowertoolsLogging.withLogging(event, context, options.get(path), () -> {
                    runs.incrementAndGet();
                    seenCorrelation.add(PowertoolsLogging.correlationId());
                    LogKeys.appendKey(key, keyValue);
                    MDC.put("fuzz", mdc);
                    LOG.info(message, StructuredArguments.entry("arg", argument));
                    LOG.debug("debug {}", message);
                    LOG.warn("{} and {}", message, StructuredArguments.entries(Map.of("n", argument == null ? "null"
                            : argument.toString())));
                    if (fails) {
                        throw failure;
                    }
                    return expectedResult;
                });
                assertThat(fails).isFalse();
                assertThat(result).isEqualTo(expectedResult);
            } catch (HandlerFailure e) {
                assertThat(e).as("case %d: the handler's exception, unchanged", c).isSameAs(failure);
            } catch (RuntimeException | StackOverflowError e) {
                escapes.putIfAbsent(e.getClass().getName(), "case " + c + ": " + e);
            }
            assertThat(runs.get()).as("case %d: handler runs", c).isEqualTo(1);
            assertThat(MDC.getCopyOfContextMap()).as("case %d: MDC after clearState", c)
                    .satisfiesAnyOf(m -> assertThat(m).isNull(), m -> assertThat(m).isEmpty());
            if (!seenCorrelation.isEmpty()) {
                assertThat(seenCorrelation.get(0)).as("case %d: correlation id at %s in %s", c, path,
                        abbreviate(event)).isEqualTo(expectedCorrelation(event, path));
            }
        }
        assertThat(escapes).as("undocumented exceptions out of withLogging (type -> first case)").isEmpty();

        // The real Log4j2 output: every line valid JSON (checked by parsing), attributed to its invocation.
        Map<String, Integer> eventLines = new HashMap<>();
        int lines = 0;
        for (JsonNode line : LogFile.linesSince(logOffset)) {
            lines++;
            JsonNode id = line.get("function_request_id");
            if (id == null || !id.asText().startsWith("log-")) {
                continue;
            }
            if (line.path("message").asText().equals("Handler Event")) {
                eventLines.merge(id.asText(), 1, Integer::sum);
            }
        }
        assertThat(lines).isGreaterThan(CASES);
        assertThat(eventLines).as("one Handler Event line per invocation").hasSize(CASES)
                .allSatisfy((id, count) -> assertThat(count).as("event lines of %s", id).isEqualTo(1));
    }

    private static Object event(Garbage garbage, String path) {
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
            case 5:
                return new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
            default: {
                // An event with something at the path: a scalar, a container, null or garbage.
                ObjectNode event = (ObjectNode) Json.toTree(Map.of());
                ObjectNode parent = event;
                String[] parts = parts(path);
                for (int i = 0; i < parts.length - 1; i++) {
                    parent = parent.putObject(parts[i]);
                }
                parent.set(parts[parts.length - 1], garbage.tree(1));
                if (garbage.chance(0.3)) {
                    event.set(garbage.text(), garbage.tree(3));
                }
                if (garbage.chance(0.3)) {
                    try {
                        return Json.fromTree(event, Map.class);
                    } catch (RuntimeException tooDeepForAMap) {
                        return event;
                    }
                }
                return event;
            }
        }
    }

    /** Computed independently of the library: the scalar at a dotted path, as text, or none. */
    private static Optional<String> expectedCorrelation(Object event, String path) {
        JsonNode node;
        if (event instanceof JsonNode tree) {
            node = tree;
        } else if (event instanceof Map<?, ?> map && !map.containsKey("me") && depth(map) < 50) {
            try {
                node = Json.toTree(map);
            } catch (RuntimeException | StackOverflowError tooDeep) {
                return Optional.empty(); // the decorator cannot read it either: no correlation id
            }
        } else if (event instanceof String text) {
            node = Json.toTree(text);
        } else {
            return Optional.empty();
        }
        for (String part : parts(path)) {
            node = node == null || !node.isObject() ? null : node.get(part);
        }
        if (node == null || node.isNull() || node.isContainerNode() || node.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private static int depth(Map<?, ?> map) {
        int depth = 0;
        Object current = map;
        while (current instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("k") && depth < 100) {
            current = m.get("k");
            depth++;
        }
        return depth;
    }

    private static String[] parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            parts.add(part.startsWith("\"") ? part.substring(1, part.length() - 1) : part);
        }
        return parts.toArray(String[]::new);
    }

    private static String abbreviate(Object event) {
        String text;
        try {
            text = String.valueOf(event instanceof JsonNode ? event : event == null ? null : event.getClass());
        } catch (RuntimeException | StackOverflowError e) {
            text = "(too deep)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
