package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.Invocation;
import io.powertools.core.config.ConfigurationException;
import io.powertools.metrics.testkit.Fixture;
import io.powertools.testing.EmfValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static List<String> dimensionKeys(JsonNode blob) {
        List<String> keys = new ArrayList<>();
        blob.at("/_aws/CloudWatchMetrics/0/Dimensions/0").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    @Test
    void writesOneBlobWithNamespaceDimensionsMetricsAndRequestMetadata() {
        Fixture f = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "orders");
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("Shop")
                .defaultDimension("Stage", "prod").build());

        String result = flusher.execute("event", context("req-1"), () -> {
            Metrics.addDimension("Channel", "web");
            Metrics.addMetric("Orders", 2, MetricUnit.COUNT);
            Metrics.addMetric("Latency", 12.5, MetricUnit.MILLISECONDS, MetricResolution.HIGH);
            Metrics.addMetadata("orderId", "o-42");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(1);
        JsonNode blob = blobs.get(0);
        assertThat(blob.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Shop");
        assertThat(dimensionKeys(blob)).containsExactly("Service", "Stage", "Channel");
        assertThat(blob.get("Service").asText()).isEqualTo("orders");
        assertThat(blob.get("Stage").asText()).isEqualTo("prod");
        assertThat(blob.get("Channel").asText()).isEqualTo("web");
        assertThat(blob.get("Orders").isIntegralNumber()).isTrue();
        assertThat(blob.get("Orders").asInt()).isEqualTo(2);
        assertThat(blob.get("Latency").asDouble()).isEqualTo(12.5);
        JsonNode metrics = blob.at("/_aws/CloudWatchMetrics/0/Metrics");
        assertThat(metrics.get(0).get("Name").asText()).isEqualTo("Orders");
        assertThat(metrics.get(0).get("Unit").asText()).isEqualTo("Count");
        assertThat(metrics.get(0).has("StorageResolution")).isFalse();
        assertThat(metrics.get(1).get("Unit").asText()).isEqualTo("Milliseconds");
        assertThat(metrics.get(1).get("StorageResolution").asInt()).isEqualTo(1);
        assertThat(blob.get("orderId").asText()).isEqualTo("o-42");
        assertThat(blob.get("function_request_id").asText()).isEqualTo("req-1");
        assertThat(blob.get("xray_trace_id").asText()).isEqualTo("1-5759e988-req-1");
    }

    @Test
    void sameNameAddedSeveralTimesBecomesAnArrayInOrder() {
        Fixture f = Fixture.withEnv("POWERTOOLS_METRICS_NAMESPACE", "Env/Ns");
        MetricsFlusher flusher = MetricsFlusher.of(f.options().build());
        flusher.execute(null, context("r"), () -> {
            Metrics.addMetric("Size", 1, MetricUnit.BYTES);
            Metrics.addMetric("Size", 2.5, MetricUnit.BYTES);
            Metrics.addMetric("Size", 3, MetricUnit.BYTES);
        });
        JsonNode blob = f.sink().blobs().get(0);
        assertThat(blob.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Env/Ns");
        assertThat(blob.get("Size").toString()).isEqualTo("[1,2.5,3]");
        // No service configured anywhere: no Service dimension.
        assertThat(dimensionKeys(blob)).isEmpty();
    }

    @Test
    void explicitOptionsWinOverEnvironment() {
        Fixture f = Fixture.withEnv("POWERTOOLS_METRICS_NAMESPACE", "FromEnv", "POWERTOOLS_SERVICE_NAME", "env-svc");
        MetricsOptions options = f.options().namespace("Explicit").service("explicit-svc").build();
        assertThat(options.namespace()).contains("Explicit");
        assertThat(options.service()).contains("explicit-svc");
        MetricsFlusher.of(options).execute(null, context("r"), () -> Metrics.addMetric("M", 1));
        JsonNode blob = f.sink().blobs().get(0);
        assertThat(blob.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Explicit");
        assertThat(blob.get("Service").asText()).isEqualTo("explicit-svc");
        assertThat(blob.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("None");
    }

    @Test
    void timestampAndNamespaceCanBeSetPerInvocation() {
        Fixture f = Fixture.withEnv();
        Instant stamp = Instant.now().minusSeconds(3600);
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("r"), () -> {
            Metrics.setTimestamp(stamp);
            Metrics.setNamespace("B");
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
        });
        JsonNode blob = f.sink().blobs().get(0);
        assertThat(blob.at("/_aws/Timestamp").asLong()).isEqualTo(stamp.toEpochMilli());
        assertThat(blob.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("B");
    }

    @Test
    void dimensionCanOverrideDefaultForOneInvocation() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("A").defaultDimension("Stage", "prod").build());
        flusher.execute(null, context("r1"), () -> {
            Metrics.addDimension("Stage", "canary");
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
        });
        flusher.execute(null, context("r2"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        List<JsonNode> blobs = f.sink().blobs();
        assertThat(dimensionKeys(blobs.get(0))).containsExactly("Stage");
        assertThat(blobs.get(0).get("Stage").asText()).isEqualTo("canary");
        assertThat(blobs.get(1).get("Stage").asText()).isEqualTo("prod");
    }

    @Test
    void explicitFlushWritesNowAndResetsDimensions() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("r"), () -> {
            Metrics.addDimension("Phase", "one");
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
            Metrics.flush();
            Metrics.addMetric("M", 2, MetricUnit.COUNT);
        });
        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(2);
        assertThat(blobs.get(0).get("Phase").asText()).isEqualTo("one");
        assertThat(blobs.get(0).get("M").asInt()).isEqualTo(1);
        assertThat(blobs.get(1).has("Phase")).isFalse();
        assertThat(blobs.get(1).get("M").asInt()).isEqualTo(2);
    }

    @Test
    void anExplicitFlushStartsANewSetEvenWithoutMetrics() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("r"), () -> {
            Metrics.addDimension("Phase", "one");
            Metrics.addMetadata("note", "first phase");
            Metrics.flush(); // nothing to write yet, but the set starts over as documented
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
        });
        JsonNode blob = f.sink().blobs().get(0);
        assertThat(blob.has("Phase")).isFalse();
        assertThat(blob.has("note")).isFalse();
    }

    @Test
    void metadataIsCopiedAtTheCallAndKeepsStructure() {
        Fixture f = Fixture.withEnv();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("items", List.of(1, 2, 3));
        detail.put("express", true);
        detail.put("note", null);
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("r"), () -> {
            Metrics.addMetadata("detail", detail);
            detail.put("later", "ignored");
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
        });
        JsonNode blob = f.sink().blobs().get(0);
        assertThat(blob.get("detail").toString()).isEqualTo("{\"items\":[1,2,3],\"express\":true,\"note\":null}");
    }

    @Test
    void workersRunningInsideTheInvocationAddToItsBlob() throws Exception {
        Fixture f = Fixture.withEnv();
        ExecutorService pool = Invocation.propagating(Executors.newFixedThreadPool(4));
        try {
            MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("r"), () -> {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int value = i;
                    futures.add(pool.submit(() -> Metrics.addMetric("Work", value, MetricUnit.COUNT)));
                }
                Thread worker = new Thread(Invocation.wrap(() -> Metrics.addDimension("Worker", "thread")));
                worker.start();
                try {
                    worker.join();
                    for (Future<?> future : futures) {
                        future.get();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            pool.shutdown();
        }
        JsonNode blob = f.sink().blobs().get(0);
        List<Integer> values = new ArrayList<>();
        blob.get("Work").forEach(v -> values.add(v.asInt()));
        assertThat(values).hasSize(40).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 40).boxed().toList());
        assertThat(blob.get("Worker").asText()).isEqualTo("thread");
    }

    @Test
    void disabledWritesNothingButStillValidates() {
        Fixture f = Fixture.withEnv("POWERTOOLS_METRICS_DISABLED", "true");
        MetricsOptions options = f.options().captureColdStart(true).build();
        assertThat(options.disabled()).isTrue();
        MetricsFlusher.of(options).execute(null, context("r"), () -> {
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
            assertThatThrownBy(() -> Metrics.addMetric("M", Double.NaN, MetricUnit.COUNT))
                    .isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(f.sink().lines()).isEmpty();
    }

    @Test
    void primingInvocationsEmitNothing() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("A").captureColdStart(true)
                .raiseOnEmptyMetrics(true).build());
        try (Invocation.Scope scope = f.environment().openPriming(null, context("prime"))) {
            flusher.execute(null, context("prime"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
            flusher.execute(null, context("prime"), () -> { }); // empty while priming: no raise
            Metrics.flushSingleMetric("Single", 1, MetricUnit.COUNT, "A", Map.of());
            assertThat(scope.invocation().isPriming()).isTrue();
        }
        assertThat(f.sink().lines()).isEmpty();
        // The cold start was left for the first real invocation.
        flusher.execute(null, context("real"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        assertThat(f.sink().blobs()).extracting(b -> b.has("ColdStart")).containsExactly(true, false);
    }

    @Test
    void nestedFlushersWriteOnce() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher outer = MetricsFlusher.of(f.options().namespace("Outer").build());
        MetricsFlusher inner = MetricsFlusher.of(f.options().namespace("Inner").build());
        outer.execute(null, context("r"), () -> {
            Metrics.addMetric("A", 1, MetricUnit.COUNT);
            inner.execute(null, context("r"), () -> Metrics.addMetric("B", 1, MetricUnit.COUNT));
        });
        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(1);
        assertThat(blobs.get(0).at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Outer");
        assertThat(blobs.get(0).has("A")).isTrue();
        assertThat(blobs.get(0).has("B")).isTrue();
    }

    @Test
    void handlerFailureStillFlushesAndKeepsTheFailure() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("A").build());
        assertThatThrownBy(() -> flusher.execute(null, context("r"), () -> {
            Metrics.addMetric("Attempt", 1, MetricUnit.COUNT);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(f.sink().blobs()).hasSize(1);
    }

    @Test
    void decoratedHandlerAndWithMetricsAreTheSameFlusher() throws Exception {
        Fixture f = Fixture.withEnv();
        MetricsOptions options = f.options().namespace("A").build();
        com.amazonaws.services.lambda.runtime.RequestHandler<String, Integer> handler = Metrics.flushing(
                (event, ctx) -> {
                    Metrics.addMetric("Len", event.length(), MetricUnit.COUNT);
                    return event.length();
                }, options);
        assertThat(handler.handleRequest("abcd", context("r1"))).isEqualTo(4);
        assertThat(Metrics.withMetrics("ev", context("r2"), options, () -> {
            Metrics.addMetric("Len", 2, MetricUnit.COUNT);
            return 2;
        })).isEqualTo(2);
        assertThat(f.sink().blobs()).extracting(b -> b.get("Len").asInt()).containsExactly(4, 2);
    }

    @Test
    void missingNamespaceIsReportedAtInitWhenKnown() {
        Fixture f = Fixture.withEnv();
        assertThatThrownBy(() -> f.options().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POWERTOOLS_METRICS_NAMESPACE");
        Fixture bad = Fixture.withEnv("POWERTOOLS_METRICS_NAMESPACE", "has space");
        assertThatThrownBy(() -> bad.options().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POWERTOOLS_METRICS_NAMESPACE");
        Fixture badFlag = Fixture.withEnv("POWERTOOLS_METRICS_DISABLED", "yes");
        assertThatThrownBy(() -> badFlag.options().namespace("A").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POWERTOOLS_METRICS_DISABLED");
    }

    @Test
    void metricsWithoutFlusherAreWrittenWhenTheInvocationClosesOrReportMissingNamespace() {
        Fixture withNamespace = Fixture.withEnv("POWERTOOLS_METRICS_NAMESPACE", "Lazy");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            try (Invocation.Scope scope = withNamespace.environment().open(null, context("lazy"))) {
                Metrics.addMetric("M", 7, MetricUnit.COUNT);
                assertThat(out.size()).as("written at close, not before").isZero();
                assertThat(scope.isOwner()).isTrue();
            }
        } finally {
            System.setOut(original);
        }
        String line = out.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
        JsonNode blob = EmfValidator.requireValid(line);
        assertThat(blob.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Lazy");
        assertThat(blob.get("M").asInt()).isEqualTo(7);

        Fixture without = Fixture.withEnv();
        Invocation.Scope scope = without.environment().open(null, context("no-ns"));
        Metrics.addMetric("M", 1, MetricUnit.COUNT);
        assertThatThrownBy(scope::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No metrics namespace").hasMessageContaining("no-ns");
    }

    @Test
    void recordingOutsideAnInvocationFailsClearly() {
        assertThatThrownBy(() -> Metrics.addMetric("M", 1, MetricUnit.COUNT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No Invocation");
    }

    @Test
    void singleMetricIsWrittenAtOnceWithItsOwnNamespaceAndDimensions() {
        Fixture f = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "svc");
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Tenant", "t-1");
        MetricsFlusher.of(f.options().namespace("Main").build()).execute(null, context("r"), () -> {
            Metrics.addMetric("Regular", 1, MetricUnit.COUNT);
            Metrics.flushSingleMetric("Special", 3, MetricUnit.SECONDS, "Other", dims);
            assertThat(f.sink().lines()).hasSize(1); // written before the flush
        });
        List<JsonNode> blobs = f.sink().blobs();
        assertThat(blobs).hasSize(2);
        JsonNode single = blobs.get(0);
        assertThat(single.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Other");
        assertThat(dimensionKeys(single)).containsExactly("Tenant");
        assertThat(single.get("Special").asInt()).isEqualTo(3);
        assertThat(single.get("function_request_id").asText()).isEqualTo("r");
        assertThat(single.has("Regular")).isFalse();
        assertThat(blobs.get(1).has("Special")).isFalse();
    }

    @Test
    void unitsCarryTheirCloudWatchNames() {
        assertThat(MetricUnit.BYTES_PER_SECOND.emfName()).isEqualTo("Bytes/Second");
        assertThat(MetricUnit.fromEmfName("Count/Second")).isEqualTo(MetricUnit.COUNT_PER_SECOND);
        assertThat(MetricUnit.values()).hasSize(27);
        assertThatThrownBy(() -> MetricUnit.fromEmfName("Furlongs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown metric unit 'Furlongs'").hasMessageContaining("Milliseconds");
    }
}
