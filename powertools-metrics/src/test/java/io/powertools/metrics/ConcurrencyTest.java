package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.Invocation;
import io.powertools.metrics.testkit.Fixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many handler threads run many invocations in one JVM, as Lambda Managed Instances do: every
 * blob holds only its own invocation's values and request id, and exactly one invocation writes
 * the cold-start metric although the first 16 start at the same moment.
 */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int INVOCATIONS_PER_THREAD = 200;
    private static final int VALUES_PER_INVOCATION = 120; // > 100: every invocation splits its blobs

    @Test
    void invocationsNeverSeeEachOthersMetricsAndColdStartIsWrittenOnce() throws Exception {
        Fixture f = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "concurrent", "AWS_LAMBDA_MAX_CONCURRENCY", "16");
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("Concurrency").captureColdStart(true).build());
        CyclicBarrier firstInvocations = new CyclicBarrier(THREADS);
        ExecutorService handlers = Executors.newFixedThreadPool(THREADS);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ExecutorService propagatingWorkers = Invocation.propagating(workers);
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(handlers.submit(() -> {
                for (int i = 0; i < INVOCATIONS_PER_THREAD; i++) {
                    int id = thread * INVOCATIONS_PER_THREAD + i;
                    if (i == 0) {
                        firstInvocations.await(30, TimeUnit.SECONDS); // all first invocations start together
                    }
                    flusher.execute(null, context("req-" + id), () -> {
                        Metrics.addDimension("Invocation", "inv-" + id);
                        Metrics.addMetadata("owner", id);
                        List<Future<?>> parts = new ArrayList<>();
                        for (int v = 0; v < VALUES_PER_INVOCATION; v++) {
                            double value = id * 1000.0 + v;
                            if (v % 3 == 0) {
                                // Some values come from workers running inside this invocation.
                                parts.add(propagatingWorkers.submit(() -> Metrics.addMetric("Value", value, MetricUnit.COUNT)));
                            } else {
                                Metrics.addMetric("Value", value, MetricUnit.COUNT);
                            }
                        }
                        try {
                            for (Future<?> part : parts) {
                                part.get();
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                return null;
            }));
        }
        for (Future<?> result : results) {
            result.get(120, TimeUnit.SECONDS);
        }
        handlers.shutdown();
        workers.shutdown();

        List<JsonNode> blobs = f.sink().blobs();
        int invocations = THREADS * INVOCATIONS_PER_THREAD;
        assertThat(blobs.stream().filter(b -> b.has("ColdStart"))).hasSize(1);
        Map<Integer, List<Double>> valuesById = new HashMap<>();
        for (JsonNode blob : blobs) {
            if (blob.has("ColdStart")) {
                assertThat(blob.has("Value")).isFalse();
                continue;
            }
            String requestId = blob.get("function_request_id").asText();
            int id = Integer.parseInt(requestId.substring("req-".length()));
            assertThat(blob.get("Invocation").asText()).isEqualTo("inv-" + id);
            assertThat(blob.get("owner").asInt()).isEqualTo(id);
            assertThat(blob.get("xray_trace_id").asText()).endsWith(requestId);
            List<Double> values = valuesById.computeIfAbsent(id, k -> new ArrayList<>());
            for (JsonNode value : blob.get("Value")) {
                // Every value in the blob belongs to the blob's own invocation.
                assertThat((int) (value.asDouble() / 1000)).isEqualTo(id);
                values.add(value.asDouble());
            }
        }
        assertThat(valuesById).hasSize(invocations);
        valuesById.forEach((id, values) -> assertThat(values).hasSize(VALUES_PER_INVOCATION)
                .doesNotHaveDuplicates());
        assertThat(blobs).hasSize(1 + invocations * 2);
    }
}
