package io.powertools.logging;

import static io.powertools.logging.StructuredArguments.entry;
import static io.powertools.logging.StructuredArguments.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.internal.LineWriter;
import io.powertools.logging.internal.ReservedKeys;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.logging.testsupport.StdoutLines;
import io.powertools.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every line promises whatever the input, through the real Log4j2 pipeline: the library's
 * default line ({@code PowertoolsJsonLayout} in {@code PowertoolsConsole}, read back from
 * {@code System.out} in bytes as written) and, where both layouts keep the promise, the documented
 * JSON Template Layout line. Every line read is checked by {@code LogLineValidator} (strict JSON,
 * so a member written twice fails the test; 256 KB as written). Surefire sets
 * {@code POWERTOOLS_LOGGER_REDACT_KEYS=password,authorization,cardNumber}.
 */
class LineContractTest {

    private static final Logger STDOUT = LoggerFactory.getLogger("stdout.contract");
    private static final Logger TEMPLATE = LoggerFactory.getLogger(LineContractTest.class);

    private StdoutLines stdout;

    @BeforeEach
    void capture() {
        LogLines.clear();
        ReservedKeys.forgetWarnings();
        stdout = StdoutLines.capture();
    }

    @AfterEach
    void restore() {
        stdout.close();
        MDC.clear();
        LogKeys.clearPersistentKeys();
    }

    @Test
    void mdcAndFluentKeyValuesCannotForgeOrRepeatAReservedMember() {
        for (Logger logger : List.of(STDOUT, TEMPLATE)) {
            PowertoolsLogging.withLogging(null, FakeContext.builder().awsRequestId("real-id").build(),
                    LoggingOptions.defaults(), () -> {
                        MDC.put("function_request_id", "forged");
                        MDC.put("message", "forged");
                        MDC.put("user", "u-1");
                        logger.atInfo().addKeyValue("level", "kv").addKeyValue("cold_start", "kv").log("fluent");
                        return null;
                    });
        }
        for (List<JsonNode> lines : List.of(stdout.take(), LogLines.take())) {
            JsonNode line = LogLines.first(lines, "fluent");
            assertThat(line.get("function_request_id").asText()).isEqualTo("real-id");
            assertThat(line.get("level").asText()).isEqualTo("INFO");
            assertThat(line.get("cold_start").isBoolean()).isTrue();
            assertThat(line.get("user").asText()).isEqualTo("u-1");
        }
    }

    @Test
    void aNameGivenByTwoSourcesIsWrittenOnceAndTheMoreSpecificWins() {
        LogKeys.appendPersistentKey("stage", "persistent");
        LogKeys.appendPersistentKey("region", "persistent");
        for (Logger logger : List.of(STDOUT, TEMPLATE)) {
            PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
                LogKeys.appendKey("region", "temporary");
                MDC.put("stage", "mdc");
                MDC.put("orderId", "mdc");
                logger.info("twice", entry("a", 1), entry("a", 2), entry("orderId", "argument"));
                return null;
            });
        }
        for (List<JsonNode> lines : List.of(stdout.take(), LogLines.take())) {
            JsonNode line = LogLines.first(lines, "twice");
            assertThat(line.get("a").asInt()).as("first argument wins").isEqualTo(1);
            assertThat(line.get("orderId").asText()).as("argument over MDC").isEqualTo("argument");
            assertThat(line.get("stage").asText()).as("key over MDC").isEqualTo("persistent");
            assertThat(line.get("region").asText()).as("temporary over persistent").isEqualTo("temporary");
        }
    }

    @Test
    void nothingPutInTheMdcDuringAnInvocationReachesTheNextOneOnTheSameThread() throws Exception {
        ExecutorService handlerThread = Executors.newSingleThreadExecutor();
        try {
            for (String id : List.of("A", "B")) {
                handlerThread.submit(() -> PowertoolsLogging.withLogging(null,
                        FakeContext.builder().awsRequestId(id).build(), LoggingOptions.defaults(), () -> {
                            if (id.equals("A")) {
                                MDC.put("user", "alice");
                            }
                            STDOUT.info("request " + id);
                            return null;
                        })).get();
            }
        } finally {
            handlerThread.shutdownNow();
            handlerThread.awaitTermination(5, TimeUnit.SECONDS);
        }
        List<JsonNode> lines = stdout.take();
        assertThat(LogLines.first(lines, "request A").get("user").asText()).isEqualTo("alice");
        assertThat(LogLines.first(lines, "request B").has("user")).as("B carries A's MDC entry").isFalse();
    }

    @Test
    void everyLineStaysWithin256KbInBytesAsWritten() {
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            controls.append((char) (i % 0x20));
        }
        Map<String, Object> hugeMap = new LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            hugeMap.put("field" + i, "v".repeat(500));
        }
        PowertoolsLogging.withLogging(Map.of("body", "b".repeat(1_000_000)), FakeContext.create(),
                LoggingOptions.builder().logEvent(true).build(), LogManager.getLogger(STDOUT.getName()), () -> {
                    STDOUT.info(controls.toString());
                    LogKeys.appendKey("big", "k".repeat(400_000));
                    STDOUT.info("with a 400 KB key");
                    LogKeys.removeKey("big");
                    STDOUT.info("map", entry("map", hugeMap));
                    STDOUT.info("\u20ac".repeat(300_000));
                    for (int i = 0; i < 3_000; i++) {
                        LogKeys.appendKey("key" + i, "x".repeat(100));
                    }
                    STDOUT.info("three thousand keys");
                    return null;
                });
        List<JsonNode> lines = stdout.take(); // each at most 256 KB as written, or take() fails
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).get("event").asText()).as("the 1 MB event, cut").endsWith(LineWriter.TRUNCATED_SUFFIX);
        assertThat(lines.get(1).get("message").asText()).startsWith("\u0000\u0001").endsWith(LineWriter.TRUNCATED_SUFFIX);
        assertThat(lines.get(2).get("big").asText()).startsWith("kkk").endsWith(LineWriter.TRUNCATED_SUFFIX);
        assertThat(lines.get(3).get("map").asText()).startsWith("{\"field0\":").endsWith(LineWriter.TRUNCATED_SUFFIX);
        assertThat(lines.get(4).get("message").asText()).startsWith("\u20ac\u20ac").endsWith(LineWriter.TRUNCATED_SUFFIX);
        JsonNode manyKeys = lines.get(5);
        assertThat(manyKeys.get("message").asText()).startsWith("[keys and MDC left out: the line would exceed 262144 bytes]")
                .contains("three thousand keys");
        assertThat(manyKeys.has("key0")).isFalse();
        assertThat(manyKeys.get("function_request_id")).isNotNull();
    }

    @Test
    void aLoneSurrogateIsWrittenAsAJsonEscapeInAValueAndAsAReplacementInAName() {
        STDOUT.info("lone \ud800 high, \udc00 low, pair \ud83d\ude00", entry("k\udbff", "v\udfff"));
        byte[] written = stdout.bytes();
        String text = new String(written, StandardCharsets.UTF_8);
        // In a value the escape keeps the character; in a name (where Jackson refuses the escape) it becomes U+FFFD.
        assertThat(text).contains("lone \\ud800 high, \\udc00 low", "\"k\ufffd\":\"v\\udfff\"").doesNotContain("?");
        JsonNode line = stdout.take().get(0);
        assertThat(line.get("message").asText()).isEqualTo("lone \ud800 high, \udc00 low, pair \ud83d\ude00");
        assertThat(line.get("k\ufffd").asText()).isEqualTo("v\udfff");
    }

    @Test
    void configuredSecretsAreMaskedInMdcFluentValuesAndJsonCarriedInStrings() {
        Map<String, Object> apiGatewayEvent = Map.of("httpMethod", "POST",
                "headers", Map.of("Authorization", "Bearer hunter2-header"),
                "body", "{\"user\":\"u-1\",\"password\":\"hunter2-body\"}");
        for (Logger logger : List.of(STDOUT, TEMPLATE)) {
            PowertoolsLogging.withLogging(apiGatewayEvent, FakeContext.create(),
                    LoggingOptions.builder().logEvent(true).build(), LogManager.getLogger(logger.getName()), () -> {
                        MDC.put("password", "hunter2-mdc");
                        MDC.put("payload", "{\"login\":{\"Password\":\"hunter2-mdc-json\"}}");
                        logger.atInfo().addKeyValue("authorization", "hunter2-fluent").log("fluent");
                        logger.info("arguments", entry("body", "{\"cardNumber\":\"hunter2-entry\"}"),
                                json("raw", "{not json, \"password\": \"hunter2-raw\""),
                                entry("cut", "{\"password\":\"hunter2-cut"), entry("note", "password reset requested"));
                        return null;
                    });
        }
        String written = new String(stdout.bytes(), StandardCharsets.UTF_8);
        List<JsonNode> template = LogLines.take();
        for (List<JsonNode> lines : List.of(stdout.take(), template)) {
            assertThat(lines.toString()).doesNotContain("hunter2");
            JsonNode event = LogLines.first(lines, DecoratedInvocation.EVENT_MESSAGE).get("event");
            assertThat(event.get("body").asText()).isEqualTo("{\"user\":\"u-1\",\"password\":\"***\"}");
            JsonNode fluent = LogLines.first(lines, "fluent");
            assertThat(fluent.get("password").asText()).isEqualTo("***");
            assertThat(fluent.get("authorization").asText()).isEqualTo("***");
            assertThat(fluent.get("payload").asText()).isEqualTo("{\"login\":{\"Password\":\"***\"}}");
            JsonNode arguments = LogLines.first(lines, "arguments");
            assertThat(arguments.get("body").asText()).isEqualTo("{\"cardNumber\":\"***\"}");
            assertThat(arguments.get("raw").asText()).startsWith("[not written");
            assertThat(arguments.get("cut").asText()).startsWith("[not written");
            assertThat(arguments.get("note").asText()).as("prose is not redacted").isEqualTo("password reset requested");
        }
        assertThat(written).doesNotContain("hunter2");
    }

    @Test
    void aThrowingToStringOrGetMessageBecomesAPlaceholderAndTheLineIsWritten() {
        RuntimeException hostile = new IllegalStateException() {
            @Override
            public String getMessage() {
                throw new UnsupportedOperationException("no message for you");
            }
        };
        CharSequence throwingText = new CharSequence() {
            @Override
            public int length() {
                return 1;
            }

            @Override
            public char charAt(int index) {
                return 'x';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return this;
            }

            @Override
            public String toString() {
                throw new IllegalStateException("toString fails");
            }
        };
        Supplier<StructuredArgument> argument = () -> entry("text", throwingText);
        assertThatCode(argument::get).doesNotThrowAnyException();
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            STDOUT.error("failed", hostile);
            STDOUT.info("argument", argument.get());
            return null;
        });
        List<JsonNode> lines = stdout.take();
        JsonNode error = LogLines.first(lines, "failed").get("error");
        assertThat(error.get("message").asText()).contains("getMessage() failed", "UnsupportedOperationException");
        assertThat(error.get("stack").asText()).contains("stack trace printing failed").contains("\tat ");
        assertThat(LogLines.first(lines, "argument").get("text").asText()).contains("toString() failed");
    }
}
