package io.powertools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.config.ConfigurationException;
import io.powertools.metrics.testkit.Fixture;
import io.powertools.testing.FakeContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every blob says which request and function wrote it with the members, names and formats of the
 * blobs Powertools for AWS Lambda (Java) 2.x writes, so that Logs Insights queries written for those
 * blobs keep matching: {@code function_request_id}, {@code xray_trace_id} (the root id),
 * {@code traceId} (the whole header, only when sampled), {@code executionEnvironment},
 * {@code functionVersion}, {@code logStreamId}.
 */
class ContextMembersTest {

    private static final String SAMPLED = "Root=1-6a1b2c3d-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final String NOT_SAMPLED = "Root=1-6a1b2c3d-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=0";

    private static JsonNode flushOne(Fixture f, String traceHeader) {
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("Shop").build());
        flusher.execute("event", FakeContext.builder().awsRequestId("req-7").xrayTraceId(traceHeader).build(),
                () -> Metrics.addMetric("Orders", 1, MetricUnit.COUNT));
        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(1);
        f.sink().assertAllValid();
        return blobs.get(0);
    }

    private static List<String> rootNames(JsonNode blob) {
        List<String> names = new ArrayList<>();
        blob.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSampledRequestCarriesTheRootIdAndTheWholeHeaderLikePowertools() {
        JsonNode blob = flushOne(Fixture.withEnv(), SAMPLED);

        assertThat(blob.get("function_request_id").asText()).isEqualTo("req-7");
        assertThat(blob.get("xray_trace_id").asText()).isEqualTo("1-6a1b2c3d-0123456789abcdef01234567");
        assertThat(blob.get("traceId").asText()).isEqualTo(SAMPLED);
    }

    @Test
    void anUnsampledRequestCarriesOnlyTheRootId() {
        JsonNode blob = flushOne(Fixture.withEnv(), NOT_SAMPLED);

        assertThat(blob.get("xray_trace_id").asText()).isEqualTo("1-6a1b2c3d-0123456789abcdef01234567");
        assertThat(blob.has("traceId")).as("traceId is written for sampled requests only").isFalse();
    }

    @Test
    void theFunctionMembersComeFromTheLambdaVariables() {
        JsonNode blob = flushOne(Fixture.withEnv(
                "AWS_EXECUTION_ENV", "AWS_Lambda_java21",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/07/[$LATEST]4e5f6a7b8c9d"), SAMPLED);

        assertThat(blob.get("executionEnvironment").asText()).isEqualTo("AWS_Lambda_java21");
        assertThat(blob.get("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(blob.get("logStreamId").asText()).isEqualTo("2026/12/07/[$LATEST]4e5f6a7b8c9d");
    }

    @Test
    void aFunctionMemberWhoseVariableIsUnsetIsLeftOut() {
        JsonNode blob = flushOne(Fixture.withEnv("AWS_LAMBDA_FUNCTION_VERSION", "7"), SAMPLED);

        assertThat(blob.get("functionVersion").asText()).isEqualTo("7");
        assertThat(rootNames(blob)).doesNotContain("executionEnvironment", "logStreamId");
    }

    @Test
    void theSingleMetricAndColdStartBlobsCarryTheSameMembers() {
        Fixture f = Fixture.withEnv("AWS_LAMBDA_FUNCTION_VERSION", "3");
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("Shop").captureColdStart(true).build());
        flusher.execute("event", FakeContext.builder().awsRequestId("req-8").xrayTraceId(SAMPLED).build(), () -> {
            Metrics.flushSingleMetric("Refunds", 1, MetricUnit.COUNT, "Refunds/Ns", java.util.Map.of());
            Metrics.addMetric("Orders", 1, MetricUnit.COUNT);
        });

        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(3);
        f.sink().assertAllValid();
        for (JsonNode blob : blobs) {
            assertThat(blob.get("function_request_id").asText()).isEqualTo("req-8");
            assertThat(blob.get("xray_trace_id").asText()).isEqualTo("1-6a1b2c3d-0123456789abcdef01234567");
            assertThat(blob.get("traceId").asText()).isEqualTo(SAMPLED);
            assertThat(blob.get("functionVersion").asText()).isEqualTo("3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"traceId", "functionVersion", "logStreamId", "executionEnvironment", "xray_trace_id"})
    void aUserNameCannotTakeAContextMembersName(String name) {
        Fixture f = Fixture.withEnv();
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("Shop").build());

        assertThatThrownBy(() -> flusher.execute("event", FakeContext.builder().awsRequestId("r").build(),
                () -> Metrics.addMetadata(name, "mine")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'").hasMessageContaining("reserved");
        assertThatThrownBy(() -> f.options().namespace("Shop").defaultDimension(name, "mine").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + name + "'").hasMessageContaining("reserved");
    }
}
