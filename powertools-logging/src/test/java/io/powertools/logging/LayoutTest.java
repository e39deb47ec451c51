package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LayoutTest {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutTest.class);

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @Test
    void lineOutsideAnInvocationHasNoRequestFieldsAndNoNulls() {
        LOG.info("during init");

        List<JsonNode> lines = LogLines.take();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("message").asText()).isEqualTo("during init");
        assertThat(line.get("service").asText()).isEqualTo("logging-tests");
        assertThat(line.get("logger").asText()).isEqualTo(LayoutTest.class.getName());
        assertThat(line.has("function_request_id")).isFalse();
        assertThat(line.has("cold_start")).isFalse();
        assertThat(line.has("xray_trace_id")).isFalse();
        assertThat(line.has("function_name")).isFalse();
        assertThat(line.has("error")).isFalse();
        assertNoNulls(line);
    }

    @Test
    void timestampIsIsoUtcWithMillisWhateverTheMachineZone() {
        assertThat(TimeZone.getDefault().getID()).as("surefire sets a non-UTC zone on purpose")
                .isEqualTo("Asia/Kolkata");
        Instant before = Instant.now();
        LOG.info("when");
        Instant after = Instant.now();

        String timestamp = LogLines.take().get(0).get("timestamp").asText();
        assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        Instant logged = Instant.parse(timestamp);
        // A zone bug would shift the time by 5h30; millisecond truncation may put it just before 'before'.
        assertThat(logged).isBetween(before.minus(Duration.ofMillis(1)), after);
    }

    @Test
    void lineInsideAnInvocationCarriesTheLambdaContext() {
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
            LOG.info("inside");
        }

        JsonNode line = LogLines.take().get(0);
        assertThat(line.get("service").asText()).isEqualTo("orders-service");
        assertThat(line.get("cold_start").isBoolean()).isTrue();
        assertThat(line.get("cold_start").asBoolean()).isTrue();
        assertThat(line.get("function_name").asText()).isEqualTo("orders");
        assertThat(line.get("function_version").asText()).isEqualTo("$LATEST");
        assertThat(line.get("function_arn").asText()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:orders");
        assertThat(line.get("function_memory_size").asInt()).isEqualTo(1024);
        assertThat(line.get("function_request_id").asText()).isEqualTo("req-1");
        assertThat(line.get("xray_trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(line.get("tenant_id").asText()).isEqualTo("tenant-7");
        assertThat(line.has("correlation_id")).isFalse();
        assertThat(line.has("sampling_rate")).isFalse();
        assertNoNulls(line);
    }

    @Test
    void secondInvocationIsNotColdAndHasNoTenantWhenAbsent() {
        ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));
        for (int i = 0; i < 2; i++) {
            try (Invocation.Scope scope = environment.open(null, FakeContext.builder().awsRequestId("r" + i).build())) {
                LOG.info("call {}", i);
            }
        }

        List<JsonNode> lines = LogLines.take();
        assertThat(lines).extracting(line -> line.get("cold_start").asBoolean()).containsExactly(true, false);
        assertThat(lines).allSatisfy(line -> assertThat(line.has("tenant_id")).isFalse());
        assertThat(lines).extracting(line -> line.get("service").asText()).containsOnly("service_undefined");
    }

    @Test
    void exceptionIsWrittenAsErrorObject() {
        IllegalStateException failure = new IllegalStateException("boom");
        LOG.error("failed", failure);

        JsonNode error = LogLines.take().get(0).get("error");
        assertThat(error.get("name").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.get("message").asText()).isEqualTo("boom");
        assertThat(error.get("stack").asText()).contains("IllegalStateException: boom").contains("LayoutTest");
    }

    static void assertNoNulls(JsonNode line) {
        Iterator<Map.Entry<String, JsonNode>> fields = line.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(field.getValue().isNull()).as("member %s is null", field.getKey()).isFalse();
        }
    }
}
