package io.powertools.logging;

import static io.powertools.logging.StructuredArguments.entries;
import static io.powertools.logging.StructuredArguments.entry;
import static io.powertools.logging.StructuredArguments.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.logging.internal.LineBuffer;
import io.powertools.logging.internal.LineWriter;
import io.powertools.logging.internal.LogState;
import io.powertools.logging.log4j.PowertoolsJsonLayout;
import io.powertools.testing.FakeContext;
import io.powertools.testing.LogLineValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.JdkMapAdapterStringMap;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code <PowertoolsJsonLayout/>} writes, character for character, what JSON Template Layout writes
 * with {@code powertools-layout.json}, so users can switch between them without changing a query.
 * Every case runs both layouts on the same event.
 */
class JsonLayoutTest {

    private static final long NOW = 1_795_500_805_742L;

    @AfterEach
    void clearPersistentKeys() {
        LogKeys.clearPersistentKeys();
    }

    @Test
    void lineOutsideAnInvocation() {
        assertSameAsTemplate(event(Level.INFO, new SimpleMessage("during init"), null, Map.of()));
    }

    @Test
    void lineInsideAnInvocationWithEveryLambdaField() {
        FakeContext context = FakeContext.builder()
                .awsRequestId("req-1")
                .functionName("orders")
                .functionVersion("$LATEST")
                .invokedFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:orders")
                .memoryLimitInMB(1024)
                .xrayTraceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                .tenantId("tenant-7")
                .build();
        ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of(
                "POWERTOOLS_SERVICE_NAME", "orders-service")));
        try (Invocation.Scope scope = environment.open(Map.of(), context)) {
            LogState state = LogState.of(scope.invocation());
            state.correlationId("corr-9");
            state.sampling(0.25, true);
            LogKeys.appendKey("orderId", "o-1");
            LogKeys.appendKey("count", 3);
            assertSameAsTemplate(event(Level.WARN, new SimpleMessage("inside"), null, Map.of()));
        }
    }

    @Test
    void invocationWithoutOptionalFieldsLeavesThemOut() {
        FakeContext context = FakeContext.builder().awsRequestId("req-2").build();
        try (Invocation.Scope scope = ExecutionEnvironment.get().open(Map.of(), context)) {
            String line = assertSameAsTemplate(event(Level.INFO, new SimpleMessage("bare"), null, Map.of()));
            assertThat(line).doesNotContain("tenant_id", "correlation_id", "sampling_rate", "null");
        }
    }

    @Test
    void exceptionsWithCausesSuppressedAndNoMessage() {
        IllegalStateException failure = new IllegalStateException("outer \"quoted\"",
                new IllegalArgumentException("inner\nline"));
        failure.addSuppressed(new UnsupportedOperationException());
        assertSameAsTemplate(event(Level.ERROR, new SimpleMessage("failed"), failure, Map.of()));
        assertSameAsTemplate(event(Level.ERROR, new SimpleMessage("no message"), new RuntimeException(), Map.of()));
    }

    @Test
    void structuredArgumentsPersistentAndTemporaryKeysHideEachOtherAlike() {
        LogKeys.appendPersistentKey("region", "eu");
        LogKeys.appendPersistentKey("shadowed", "persistent");
        FakeContext context = FakeContext.builder().awsRequestId("req-3").build();
        try (Invocation.Scope scope = ExecutionEnvironment.get().open(Map.of(), context)) {
            LogKeys.appendKey("shadowed", "temporary");
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("items", List.of(1, 2.5, "three"));
            nested.put("vip", true);
            Message message = new ParameterizedMessage("order {} {} {}",
                    entry("orderId", "o-7"), entries(nested), json("raw", "{\"a\":[1,{\"b\":null}]}"));
            assertSameAsTemplate(event(Level.INFO, message, null, Map.of()));
            assertSameAsTemplate(event(Level.INFO, new ParameterizedMessage("{}", entry("shadowed", "argument")),
                    null, Map.of()));
        }
    }

    @Test
    void contextDataIsWrittenAsStrings() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("user", "u-1");
        mdc.put("quote\"d", "line\nbreak");
        assertSameAsTemplate(event(Level.INFO, new SimpleMessage("with mdc"), null, mdc));
    }

    @Test
    void nonStringMessagesAreStringified() {
        assertSameAsTemplate(event(Level.INFO, new ObjectMessage(List.of(1, "two")), null, Map.of()));
        assertSameAsTemplate(event(Level.INFO, new ParameterizedMessage("a={} b={}", 1, null), null, Map.of()));
    }

    /** Sizes at least as long as every name and the timestamp: below that, JSON Template Layout cuts names too. */
    @ParameterizedTest
    @ValueSource(ints = {25, 100})
    void longStringsAreCutAlike(int maxStringLength) {
        String longText = "x".repeat(maxStringLength + 5);
        assertSameAsTemplate(maxStringLength,
                event(Level.INFO, new SimpleMessage(longText), new RuntimeException(longText), Map.of("k", longText)));
    }

    @Test
    void aTinyMaxStringLengthCutsValuesButNeverNamesTheLevelOrTheTimestamp() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("customer_id_of_the_order", "a");
        mdc.put("customer_id_of_the_refund", "b");
        LogEvent event = event(Level.ERROR, new SimpleMessage("message"), new RuntimeException("x"), mdc);
        // JSON Template Layout would write "l…[truncated]" for both level and logger: a duplicate member.
        JsonNode line = parse(PowertoolsJsonLayout.createLayout(1).toSerializable(event));
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("timestamp").asText()).isEqualTo("2026-11-24T06:13:25.742Z");
        assertThat(line.get("logger").asText()).isEqualTo("o" + LineWriter.TRUNCATED_SUFFIX);
        assertThat(line.get("message").asText()).isEqualTo("m" + LineWriter.TRUNCATED_SUFFIX);
        assertThat(line.get("customer_id_of_the_order").asText()).isEqualTo("a");
        assertThat(line.get("customer_id_of_the_refund").asText()).isEqualTo("b");
    }

    @Test
    void stackTraceLongerThanTheLimitIsCutAlike() {
        assertSameAsTemplate(200, event(Level.ERROR, new SimpleMessage("deep"), deepException(50), Map.of()));
    }

    @Test
    void randomTextAndTimestampsMatch() {
        SplittableRandom random = new SplittableRandom(20261124);
        for (int i = 0; i < 500; i++) {
            String text = randomText(random);
            // Up to the year 3000 (JSON Template Layout itself garbles times before 1970, which Log4j never produces).
            long millis = random.nextLong(0L, 32_503_680_000_000L);
            LogEvent event = Log4jLogEvent.newBuilder()
                    .setLoggerName("random." + i)
                    .setLevel(Level.DEBUG)
                    .setMessage(new SimpleMessage(text))
                    .setContextData(new JdkMapAdapterStringMap(Map.of(text, text), true))
                    .setTimeMillis(millis)
                    .build();
            assertSameAsTemplate(event);
        }
    }

    @Test
    void encodeWritesTheSameBytesAsToSerializable() {
        PowertoolsJsonLayout layout = PowertoolsJsonLayout.createDefaultLayout();
        LogEvent event = event(Level.INFO, new SimpleMessage("caf\u00e9 \ud83d\ude00"), new RuntimeException("x"), Map.of());
        LineBuffer buffer = new LineBuffer();
        layout.encode(event, buffer);
        String encoded = new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
        assertThat(encoded).isEqualTo(layout.toSerializable(event)).endsWith("\n");
    }

    @Test
    void aMessageThatLogsWhileItIsFormattedGetsItsOwnLine() {
        PowertoolsJsonLayout layout = PowertoolsJsonLayout.createDefaultLayout();
        List<String> nested = new ArrayList<>();
        Object logsWhenPrinted = new Object() {
            @Override
            public String toString() {
                nested.add(layout.toSerializable(event(Level.INFO, new SimpleMessage("nested"), null, Map.of())));
                return "value";
            }
        };
        String outer = layout.toSerializable(event(Level.INFO, new ParameterizedMessage("outer {}", logsWhenPrinted),
                null, Map.of()));
        assertThat(parse(outer).get("message").asText()).isEqualTo("outer value");
        assertThat(nested).hasSize(1);
        assertThat(parse(nested.get(0)).get("message").asText()).isEqualTo("nested");
    }

    @Test
    void nonPositiveMaxStringLengthIsRefusedWithTheFix() {
        assertThatThrownBy(() -> PowertoolsJsonLayout.createLayout(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxStringLength=0")
                .hasMessageContaining("positive");
    }

    private static String assertSameAsTemplate(LogEvent event) {
        return assertSameAsTemplate(PowertoolsJsonLayout.DEFAULT_MAX_STRING_LENGTH, event);
    }

    private static String assertSameAsTemplate(int maxStringLength, LogEvent event) {
        JsonTemplateLayout template = JsonTemplateLayout.newBuilder()
                .setConfiguration(new DefaultConfiguration())
                .setEventTemplateUri("classpath:powertools-layout.json")
                .setMaxStringLength(maxStringLength)
                .setTruncatedStringSuffix(LineWriter.TRUNCATED_SUFFIX)
                .build();
        String expected = template.toSerializable(event);
        String actual = PowertoolsJsonLayout.createLayout(maxStringLength).toSerializable(event);
        assertThat(actual).isEqualTo(expected);
        parse(actual);
        return actual;
    }

    private static JsonNode parse(String line) {
        return LogLineValidator.requireValid(line);
    }

    private static LogEvent event(Level level, Message message, Throwable thrown, Map<String, String> contextData) {
        return Log4jLogEvent.newBuilder()
                .setLoggerName("orders.Handler")
                .setLevel(level)
                .setMessage(message)
                .setThrown(thrown)
                .setContextData(new JdkMapAdapterStringMap(new LinkedHashMap<>(contextData), true))
                .setTimeMillis(NOW)
                .build();
    }

    private static RuntimeException deepException(int depth) {
        Supplier<RuntimeException> thrower = () -> new RuntimeException("deep");
        return depth == 0 ? thrower.get() : new RuntimeException("level " + depth, deepException(depth - 1));
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) random.nextInt(0x20, 0x7f));
                case 2 -> text.append((char) random.nextInt(0x80, 0xd800));
                default -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
            }
        }
        return text.toString();
    }
}
