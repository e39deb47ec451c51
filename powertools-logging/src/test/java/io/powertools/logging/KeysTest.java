package io.powertools.logging;

import static io.powertools.logging.StructuredArguments.entries;
import static io.powertools.logging.StructuredArguments.entry;
import static io.powertools.logging.StructuredArguments.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.internal.ReservedKeys;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class KeysTest {

    private static final Logger LOG = LoggerFactory.getLogger(KeysTest.class);

    @BeforeEach
    void clear() {
        LogLines.clear();
        // A reserved name is warned about once per process: forget earlier tests' warnings.
        ReservedKeys.forgetWarnings();
    }

    @AfterEach
    void clearPersistent() {
        LogKeys.clearPersistentKeys();
    }

    @Test
    void temporaryKeysLastForTheInvocationOnly() {
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            LogKeys.appendKey("orderId", "o-1");
            LogKeys.appendKey("count", 3);
            LogKeys.appendKey("vip", true);
            LogKeys.appendKey("tags", List.of("a", "b"));
            LOG.info("first");
            LogKeys.removeKey("count");
            LOG.info("second");
            return null;
        });
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            LOG.info("next invocation");
            return null;
        });

        List<JsonNode> lines = LogLines.take();
        JsonNode first = lines.get(0);
        assertThat(first.get("orderId").asText()).isEqualTo("o-1");
        assertThat(first.get("count").asInt()).isEqualTo(3);
        assertThat(first.get("vip").asBoolean()).isTrue();
        assertThat(first.get("tags").get(1).asText()).isEqualTo("b");
        assertThat(lines.get(1).has("count")).isFalse();
        assertThat(lines.get(1).get("orderId").asText()).isEqualTo("o-1");
        assertThat(lines.get(2).has("orderId")).isFalse();
    }

    @Test
    void temporaryKeyOutsideAnInvocationIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> LogKeys.appendKey("k", "v"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("appendPersistentKey");
    }

    @Test
    void persistentKeysStayAcrossInvocationsAndDuringInit() {
        LogKeys.appendPersistentKey("stage", "prod");
        LOG.info("init");
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            LOG.info("call");
            return null;
        });
        List<JsonNode> lines = LogLines.take();
        assertThat(lines).extracting(line -> line.get("stage").asText()).containsExactly("prod", "prod");
    }

    @Test
    void temporaryKeyHidesPersistentKeyOfTheSameName() {
        LogKeys.appendPersistentKey("tier", "default");
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            LogKeys.appendKey("tier", "gold");
            LOG.info("one tier", entry("other", 1));
            return null;
        });
        String text = LogLines.take().get(0).toString();
        assertThat(text).contains("\"tier\":\"gold\"").doesNotContain("default");
    }

    @Test
    void structuredArgumentsBecomeMembers() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("carrier", "ups");
        map.put("parcels", 2);
        LOG.info("Order placed", entry("orderId", "o-9"), entries(map), json("payload", "{ \"a\" : [1, 2] }"),
                entry("item", new Item("pen", 2)));
        LOG.info("Order {} shipped", entry("orderId", "o-9"));

        List<JsonNode> lines = LogLines.take();
        assertThat(lines.get(1).get("message").asText()).isEqualTo("Order orderId=o-9 shipped");
        assertThat(lines.get(1).get("orderId").asText()).isEqualTo("o-9");
        JsonNode line = lines.get(0);
        assertThat(line.get("message").asText()).isEqualTo("Order placed");
        assertThat(line.get("orderId").asText()).isEqualTo("o-9");
        assertThat(line.get("carrier").asText()).isEqualTo("ups");
        assertThat(line.get("parcels").asInt()).isEqualTo(2);
        assertThat(line.get("payload").get("a").get(1).asInt()).isEqualTo(2);
        assertThat(line.get("item").get("name").asText()).isEqualTo("pen");
    }

    @Test
    void invalidRawJsonIsLoggedAsTextWithAWarning() {
        LOG.info("raw", json("payload", "{not json"));
        List<JsonNode> lines = LogLines.take();
        assertThat(lines.get(0).get("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(1).get("payload").asText()).isEqualTo("{not json");
    }

    @Test
    void reservedKeysAreRefusedWithAWarningNamingTheKey() {
        PowertoolsLogging.withLogging(null, FakeContext.builder().awsRequestId("real-id").build(),
                LoggingOptions.defaults(), () -> {
                    LogKeys.appendKey("function_request_id", "fake");
                    LOG.info("after", entry("level", "fake"));
                    return null;
                });
        List<JsonNode> lines = LogLines.take();
        List<JsonNode> warnings = LogLines.filter(lines, line -> line.get("level").asText().equals("WARN"));
        assertThat(warnings).extracting(line -> line.get("message").asText())
                .anySatisfy(message -> assertThat(message).contains("'function_request_id'").contains("reserved"))
                .anySatisfy(message -> assertThat(message).contains("'level'"));
        JsonNode after = LogLines.withMessage(lines, "after").get(0);
        assertThat(after.get("function_request_id").asText()).isEqualTo("real-id");
        assertThat(after.get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void nonFiniteNumbersAndNullKeepTheLineValid() {
        LOG.info("numbers", entry("nan", Double.NaN), entry("inf", Float.POSITIVE_INFINITY), entry("none", null));
        JsonNode line = LogLines.take().get(0);
        assertThat(line.get("nan").asText()).isEqualTo("NaN");
        assertThat(line.get("inf").asText()).isEqualTo("Infinity");
        assertThat(line.get("none").isNull()).isTrue();
    }

    /** A POJO value. */
    public static final class Item {
        private final String name;
        private final int quantity;

        Item(String name, int quantity) {
            this.name = name;
            this.quantity = quantity;
        }

        public String getName() {
            return name;
        }

        public int getQuantity() {
            return quantity;
        }
    }
}
