package io.powertools.logging;

import static io.powertools.logging.StructuredArguments.entries;
import static io.powertools.logging.StructuredArguments.entry;
import static io.powertools.logging.StructuredArguments.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Surefire sets POWERTOOLS_LOGGER_REDACT_KEYS=password,authorization,cardNumber. */
class RedactionTest {

    private static final Logger LOG = LoggerFactory.getLogger(RedactionTest.class);

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @Test
    void sensitiveKeysAreMaskedInLoggedEventsAtAnyDepth() {
        Map<String, Object> event = Map.of(
                "user", "u-1",
                "password", "hunter2",
                "headers", Map.of("Authorization", "Bearer secret", "Accept", "json"),
                "payments", List.of(Map.of("cardNumber", "4111111111111111", "amount", 5)));
        Map<String, Object> original = Map.copyOf(event);
        PowertoolsLogging.withLogging(event, FakeContext.create(), LoggingOptions.builder().logEvent(true).build(),
                () -> null);

        JsonNode logged = LogLines.withMessage(LogLines.take(), "Handler Event").get(0).get("event");
        assertThat(logged.get("user").asText()).isEqualTo("u-1");
        assertThat(logged.get("password").asText()).isEqualTo("***");
        assertThat(logged.get("headers").get("Authorization").asText()).isEqualTo("***");
        assertThat(logged.get("headers").get("Accept").asText()).isEqualTo("json");
        assertThat(logged.get("payments").get(0).get("cardNumber").asText()).isEqualTo("***");
        assertThat(logged.get("payments").get(0).get("amount").asInt()).isEqualTo(5);
        assertThat(logged.toString()).doesNotContain("hunter2", "secret", "4111");
        assertThat(event).isEqualTo(original);
    }

    @Test
    void sensitiveKeysAreMaskedInStructuredArgumentsAndKeys() {
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            LogKeys.appendKey("password", "p1");
            LOG.info("args", entry("authorization", "Bearer t"), entries(Map.of("login", Map.of("password", "p2"))),
                    json("card", "{\"cardNumber\":\"4111\"}"));
            return null;
        });
        JsonNode line = LogLines.take().get(0);
        assertThat(line.get("password").asText()).isEqualTo("***");
        assertThat(line.get("authorization").asText()).isEqualTo("***");
        assertThat(line.get("login").get("password").asText()).isEqualTo("***");
        assertThat(line.get("card").get("cardNumber").asText()).isEqualTo("***");
    }
}
