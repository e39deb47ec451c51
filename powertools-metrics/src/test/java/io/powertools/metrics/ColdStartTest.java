package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.metrics.testkit.Fixture;
import io.powertools.metrics.testkit.RecordingLoggerProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartTest {

    private static List<String> dimensionKeys(JsonNode blob) {
        List<String> keys = new ArrayList<>();
        blob.at("/_aws/CloudWatchMetrics/0/Dimensions/0").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    @Test
    void coldStartIsASeparateBlobWithServiceAndFunctionNameOnlyOnce() {
        Fixture f = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "checkout");
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("Shop").captureColdStart(true)
                .defaultDimension("Stage", "prod").build());
        flusher.execute(null, context("first"), () -> Metrics.addMetric("Orders", 1, MetricUnit.COUNT));
        flusher.execute(null, context("second"), () -> Metrics.addMetric("Orders", 1, MetricUnit.COUNT));

        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(3);
        JsonNode coldStart = blobs.get(0);
        assertThat(coldStart.get("ColdStart").asInt()).isEqualTo(1);
        assertThat(coldStart.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(dimensionKeys(coldStart)).containsExactly("Service", "FunctionName", "Stage");
        assertThat(coldStart.get("Service").asText()).isEqualTo("checkout");
        assertThat(coldStart.get("FunctionName").asText()).isEqualTo("test-function");
        assertThat(coldStart.get("function_request_id").asText()).isEqualTo("first");
        assertThat(coldStart.has("Orders")).isFalse();
        assertThat(blobs.get(1).has("ColdStart")).isFalse();
        assertThat(blobs.get(2).has("ColdStart")).isFalse();
        assertThat(blobs.stream().filter(b -> b.has("ColdStart"))).hasSize(1);
    }

    @Test
    void functionNameComesFromTheOverrideVariableThenLambdasVariable() {
        Fixture override = Fixture.withEnv("POWERTOOLS_METRICS_FUNCTION_NAME", "override-fn",
                "AWS_LAMBDA_FUNCTION_NAME", "lambda-fn");
        MetricsFlusher.of(override.options().namespace("A").captureColdStart(true).build())
                .execute(null, context("r"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        JsonNode blob = override.sink().blobs().get(0);
        assertThat(blob.get("FunctionName").asText()).isEqualTo("override-fn");
        assertThat(blob.get("Service").asText()).isEqualTo("service_undefined");

        Fixture lambda = Fixture.withEnv("AWS_LAMBDA_FUNCTION_NAME", "lambda-fn");
        MetricsFlusher.of(lambda.options().namespace("A").captureColdStart(true).build())
                .execute(null, context("r"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        assertThat(lambda.sink().blobs().get(0).get("FunctionName").asText()).isEqualTo("lambda-fn");

        Fixture explicit = Fixture.withEnv("POWERTOOLS_METRICS_FUNCTION_NAME", "override-fn");
        MetricsFlusher.of(explicit.options().namespace("A").functionName("explicit-fn").captureColdStart(true).build())
                .execute(null, context("r"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        assertThat(explicit.sink().blobs().get(0).get("FunctionName").asText()).isEqualTo("explicit-fn");
    }

    @Test
    void noColdStartWithProvisionedConcurrencyOrWhenNotCaptured() {
        Fixture provisioned = Fixture.withEnv("AWS_LAMBDA_INITIALIZATION_TYPE", "provisioned-concurrency");
        MetricsFlusher.of(provisioned.options().namespace("A").captureColdStart(true).build())
                .execute(null, context("r"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        assertThat(provisioned.sink().blobs()).hasSize(1).noneMatch(b -> b.has("ColdStart"));

        Fixture off = Fixture.withEnv();
        MetricsFlusher.of(off.options().namespace("A").build())
                .execute(null, context("r"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        assertThat(off.sink().blobs()).hasSize(1).noneMatch(b -> b.has("ColdStart"));
    }

    @Test
    void raiseOnEmptyMetricsFailsTheInvocationWithoutMetrics() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher strict = MetricsFlusher.of(f.options().namespace("A").raiseOnEmptyMetrics(true).build());
        assertThatThrownBy(() -> strict.execute(null, context("empty"), () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("raiseOnEmptyMetrics").hasMessageContaining("empty");
        // An explicit flush earlier in the invocation counts as metrics.
        strict.execute(null, context("flushed"), () -> {
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
            Metrics.flush();
        });
        assertThat(f.sink().blobs()).hasSize(1);
    }

    @Test
    void emptyInvocationWarnsUnlessItsOnlyMetricWasColdStart() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher lenient = MetricsFlusher.of(f.options().namespace("A").captureColdStart(true).build());
        RecordingLoggerProvider.EVENTS.clear();
        lenient.execute(null, context("cold-empty"), () -> { });
        assertThat(RecordingLoggerProvider.EVENTS).noneMatch(e -> e.contains("cold-empty"));
        lenient.execute(null, context("warm-empty"), () -> { });
        assertThat(RecordingLoggerProvider.EVENTS).anyMatch(e -> e.startsWith("WARN")
                && e.contains("No metrics were added in invocation warm-empty"));
        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(1);
        assertThat(blobs.get(0).get("ColdStart").asInt()).isEqualTo(1);
    }
}
