package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.metrics.testkit.Fixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** More than 100 metrics or 100 values per metric are split across blobs automatically. */
class SplittingTest {

    private List<JsonNode> flush(Runnable body) {
        Fixture f = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "svc");
        MetricsFlusher.of(f.options().namespace("Split").build()).execute(null, context("split"), body);
        return f.sink().blobs();
    }

    private static int metricCount(JsonNode blob) {
        return blob.at("/_aws/CloudWatchMetrics/0/Metrics").size();
    }

    @Test
    void hundredMetricsFitOneBlobAndHundredOneNeedTwo() {
        assertThat(flush(() -> addMetrics(100))).hasSize(1).allSatisfy(b -> assertThat(metricCount(b)).isEqualTo(100));
        List<JsonNode> blobs = flush(() -> addMetrics(101));
        assertThat(blobs).hasSize(2);
        assertThat(metricCount(blobs.get(0))).isEqualTo(100);
        assertThat(metricCount(blobs.get(1))).isEqualTo(1);
        assertThat(blobs.get(1).has("m100")).isTrue();
        // Every blob keeps the dimensions and request metadata.
        assertThat(blobs).allSatisfy(b -> {
            assertThat(b.get("Service").asText()).isEqualTo("svc");
            assertThat(b.get("function_request_id").asText()).isEqualTo("split");
        });
    }

    @Test
    void moreThanHundredValuesSplitInOrder() {
        List<JsonNode> blobs = flush(() -> {
            for (int i = 0; i < 250; i++) {
                Metrics.addMetric("Many", i, MetricUnit.COUNT);
            }
            Metrics.addMetric("One", 1, MetricUnit.COUNT);
        });
        assertThat(blobs).hasSize(3);
        List<Integer> values = new ArrayList<>();
        for (JsonNode blob : blobs) {
            JsonNode many = blob.get("Many");
            if (many.isArray()) {
                many.forEach(v -> values.add(v.asInt()));
            } else {
                values.add(many.asInt());
            }
        }
        assertThat(values).isEqualTo(java.util.stream.IntStream.range(0, 250).boxed().toList());
        assertThat(blobs.get(0).get("Many")).hasSize(100);
        assertThat(blobs.get(0).has("One")).isTrue();
        assertThat(blobs.get(1).has("One")).isFalse();
        assertThat(blobs.get(2).get("Many")).hasSize(50);
    }

    @Test
    void hundredOneValuesLeaveASingleNumberInTheSecondBlob() {
        List<JsonNode> blobs = flush(() -> {
            for (int i = 0; i < 101; i++) {
                Metrics.addMetric("V", 0.5 + i, MetricUnit.MILLISECONDS);
            }
        });
        assertThat(blobs).hasSize(2);
        assertThat(blobs.get(0).get("V")).hasSize(100);
        assertThat(blobs.get(1).get("V").isNumber()).isTrue();
        assertThat(blobs.get(1).get("V").asDouble()).isEqualTo(100.5);
    }

    private static void addMetrics(int count) {
        for (int i = 0; i < count; i++) {
            Metrics.addMetric("m" + i, i, MetricUnit.COUNT);
        }
    }
}
