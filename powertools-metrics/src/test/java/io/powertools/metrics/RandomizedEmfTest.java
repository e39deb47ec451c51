package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.metrics.testkit.Fixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random metric sets, biased to the edges (99, 100, 101 metrics and values; 30 and
 * 31 dimensions): every line passes the EMF validator (through the capturing sink) and the blobs
 * hold exactly the values added, in order, in the fewest blobs the limits allow.
 */
class RandomizedEmfTest {

    private static final int[] EDGE_COUNTS = {1, 2, 99, 100, 101, 199, 200, 201};
    private static final MetricUnit[] UNITS = MetricUnit.values();

    @Test
    void randomMetricSetsProduceValidBlobsHoldingExactlyTheAddedValues() {
        SplittableRandom random = new SplittableRandom(20261124L);
        Fixture f = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "random-svc");
        MetricsFlusher withService = MetricsFlusher.of(f.options().namespace("Rand/Test").build());
        MetricsFlusher withDefaults = MetricsFlusher.of(f.options().namespace("Rand/Test")
                .defaultDimension("Stage", "test").defaultDimension("Region", "eu").build());
        int sets = 3000;
        int blobsSeen = 0;
        for (int set = 0; set < sets; set++) {
            MetricsFlusher flusher = random.nextBoolean() ? withService : withDefaults;
            int baseDimensions = flusher == withService ? 1 : 3;
            int metricCount = pick(random, 30);
            int maxValuesDrawn = random.nextInt(8) == 0 ? pick(random, 30) : 1 + random.nextInt(3);
            if (metricCount * maxValuesDrawn > 12_000) {
                maxValuesDrawn = 1 + random.nextInt(3); // keep the run short; 101 x 101 still happens
            }
            int maxValues = maxValuesDrawn;
            // 29, 30 or 31 dimensions in total now and then; the 31st must be rejected at the call.
            int wantedDimensions = random.nextInt(6) == 0 ? 29 + random.nextInt(3) : random.nextInt(5) + baseDimensions;
            Map<String, List<Double>> expected = new LinkedHashMap<>();
            Map<String, MetricUnit> units = new HashMap<>();
            Map<String, MetricResolution> resolutions = new HashMap<>();
            Map<String, String> dimensions = new LinkedHashMap<>();
            String requestId = "rand-" + set;

            flusher.execute(null, context(requestId), () -> {
                for (int d = baseDimensions; d < wantedDimensions; d++) {
                    String key = "dim" + d;
                    String value = randomText(random, 1 + random.nextInt(d % 10 == 0 ? 1024 : 20));
                    if (d < 30) {
                        Metrics.addDimension(key, value);
                        dimensions.put(key, value);
                    } else {
                        assertThatThrownBy(() -> Metrics.addDimension(key, value))
                                .hasMessageContaining("at most 30 dimensions");
                    }
                }
                for (int m = 0; m < metricCount; m++) {
                    String name = "metric-" + m + (random.nextInt(20) == 0 ? "x".repeat(200) : "");
                    MetricUnit unit = UNITS[random.nextInt(UNITS.length)];
                    MetricResolution resolution = random.nextInt(4) == 0 ? MetricResolution.HIGH : MetricResolution.STANDARD;
                    int valueCount = random.nextInt(3) == 0 ? maxValues : 1 + random.nextInt(maxValues);
                    units.put(name, unit);
                    resolutions.put(name, resolution);
                    List<Double> values = expected.computeIfAbsent(name, k -> new ArrayList<>());
                    for (int v = 0; v < valueCount; v++) {
                        double value = randomValue(random);
                        Metrics.addMetric(name, value, unit, resolution);
                        values.add(value);
                    }
                }
                if (random.nextInt(3) == 0) {
                    Metrics.addMetadata("note", randomText(random, 50));
                }
            });

            List<JsonNode> blobs = f.sink().blobs();
            f.sink().clear();
            assertThat(blobs).hasSize(expectedBlobs(expected));
            blobsSeen += blobs.size();
            Map<String, List<Double>> actual = new LinkedHashMap<>();
            for (JsonNode blob : blobs) {
                assertThat(blob.get("function_request_id").asText()).isEqualTo(requestId);
                JsonNode directive = blob.at("/_aws/CloudWatchMetrics/0");
                assertThat(directive.get("Dimensions").get(0)).hasSize(baseDimensions + dimensions.size());
                dimensions.forEach((k, v) -> assertThat(blob.get(k).asText()).isEqualTo(v));
                for (JsonNode metric : directive.get("Metrics")) {
                    String name = metric.get("Name").asText();
                    assertThat(metric.get("Unit").asText()).isEqualTo(units.get(name).emfName());
                    assertThat(metric.has("StorageResolution")).isEqualTo(resolutions.get(name) == MetricResolution.HIGH);
                    JsonNode value = blob.get(name);
                    List<Double> collected = actual.computeIfAbsent(name, k -> new ArrayList<>());
                    if (value.isArray()) {
                        value.forEach(v -> collected.add(v.asDouble()));
                    } else {
                        collected.add(value.asDouble());
                    }
                }
            }
            assertThat(actual).isEqualTo(expected);
        }
        assertThat(blobsSeen).isGreaterThan(sets);
    }

    /** The fewest blobs: round r holds values [100r, 100r+100) of the metrics that have them, 100 per blob. */
    private static int expectedBlobs(Map<String, List<Double>> expected) {
        int max = expected.values().stream().mapToInt(List::size).max().orElse(0);
        int blobs = 0;
        for (int from = 0; from < max; from += 100) {
            int start = from;
            long inRound = expected.values().stream().filter(v -> v.size() > start).count();
            blobs += (int) ((inRound + 99) / 100);
        }
        return blobs;
    }

    private static int pick(SplittableRandom random, int smallBound) {
        return random.nextBoolean() ? EDGE_COUNTS[random.nextInt(EDGE_COUNTS.length)] : 1 + random.nextInt(smallBound);
    }

    private static double randomValue(SplittableRandom random) {
        switch (random.nextInt(6)) {
            case 0:
                return random.nextInt(1000);
            case 1:
                return -random.nextDouble() * 1e6;
            case 2:
                return random.nextDouble() * 1e100;
            case 3:
                return 0;
            case 4:
                return (0.01 + random.nextDouble()) * 1e-100;
            default:
                return random.nextDouble();
        }
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
        }
        return text.toString();
    }
}
