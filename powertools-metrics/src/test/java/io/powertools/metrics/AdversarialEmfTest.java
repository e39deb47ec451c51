package io.powertools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.config.ConfigurationException;
import io.powertools.metrics.testkit.CapturingSink;
import io.powertools.metrics.testkit.Fixture;
import io.powertools.metrics.testkit.HostileInput;
import io.powertools.metrics.testkit.MutableClock;
import io.powertools.testing.EmfValidator;
import io.powertools.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Hostile input in every place a caller can put it (options at init, metric names and values,
 * dimensions, metadata, namespaces, timestamps with a clock that moves, explicit flushes, single
 * metrics), seeded. For every case:
 *
 * <ul>
 *   <li>each call either returns or throws {@link IllegalArgumentException} /
 *       {@link IllegalStateException} / {@link ConfigurationException} at that call or at init: what is
 *       not written is always reported, never dropped in silence;</li>
 *   <li>every line written is valid EMF by {@link EmfValidator} against the function's clock (so at
 *       most 1 MB as written and at most 30 dimensions per set, parsed strictly);</li>
 *   <li>every accepted value is in the blobs of its flush, with the accepted dimensions and metadata;
 *       a flush that cannot write throws naming the metrics it did not write.</li>
 * </ul>
 *
 * <p>Size and seed: {@code -Demf.adversarial.cases=N} (CI: {@value #CI_CASES}; a larger run:
 * 20,000, a few minutes), {@code -Demf.adversarial.seed=S} to replay; a failure names both.
 */
class AdversarialEmfTest {

    private static final int CI_CASES = 400;
    private static final int CASES = Integer.getInteger("emf.adversarial.cases", CI_CASES);
    private static final long SEED = Long.getLong("emf.adversarial.seed", ThreadLocalRandom.current().nextLong());
    private static final MetricUnit[] UNITS = MetricUnit.values();

    private int refusedAtInit;
    private int refusedAtCall;
    private int acceptedValues;
    private int blobs;

    @Test
    void hostileInputIsWrittenAsValidEmfOrReportedWhereItIsGiven() {
        for (int c = 0; c < CASES; c++) {
            try {
                runCase(new HostileInput(SEED + c), "case-" + c);
            } catch (Throwable t) {
                throw new AssertionError("Adversarial EMF case " + c + " failed. Replay with -Demf.adversarial.seed="
                        + SEED + " -Demf.adversarial.cases=" + (c + 1), t);
            }
        }
        System.out.printf("AdversarialEmfTest: seed %d, %d cases, %d refused at init, %d refused at the call, "
                + "%d values written in %d blobs%n", SEED, CASES, refusedAtInit, refusedAtCall, acceptedValues, blobs);
        assertThat(refusedAtInit).as("init refusals seen").isPositive();
        assertThat(refusedAtCall).as("call refusals seen").isPositive();
        assertThat(acceptedValues).as("values written").isPositive();
    }

    private void runCase(HostileInput in, String requestId) {
        MutableClock clock = new MutableClock(Instant.now());
        CapturingSink sink = new CapturingSink(clock);
        Fixture fixture = Fixture.withEnv();
        MetricsOptions.Builder builder = fixture.options().sink(sink).clock(clock)
                .namespace(in.chance(0.9) ? "Adversarial/" + in.nextInt(3) : in.name("Ns"));
        if (in.chance(0.5)) {
            builder.service(in.chance(0.8) ? "svc" : in.name("svc"));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        int defaultCount = in.chance(0.2) ? in.oneOf(27, 28, 29, 30, 31) : in.nextInt(4);
        for (int d = 0; d < defaultCount; d++) {
            String key = in.chance(0.9) ? "Default" + d : in.name("Default");
            String value = in.chance(0.9) ? "v" + d : in.name("v");
            builder.defaultDimension(key, value);
            defaults.put(key, value);
        }
        boolean coldStart = in.chance(0.5);
        builder.captureColdStart(coldStart);
        if (in.chance(0.1)) {
            builder.functionName(in.name("fn"));
        }
        MetricsOptions options;
        try {
            options = builder.build();
        } catch (ConfigurationException refused) {
            refusedAtInit++;
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        Expected expected = new Expected(options);
        int[] coldStartLines = {0};
        IllegalStateException failure = null;
        try {
            MetricsFlusher.of(options).execute(null, FakeContext.builder().awsRequestId(requestId)
                    .functionName("adversarial").build(), () -> {
                        coldStartLines[0] = sink.lines().size();
                        int calls = 1 + in.nextInt(40);
                        for (int i = 0; i < calls; i++) {
                            call(in, clock, sink, expected, requestId);
                        }
                    });
        } catch (IllegalStateException flushFailure) {
            failure = flushFailure;
        }
        List<String> lines = sink.lines(); // each checked by EmfValidator against the clock as it arrived
        assertThat(lines.size()).isGreaterThanOrEqualTo(coldStartLines[0]);
        if (coldStart) {
            assertThat(coldStartLines[0]).as("the cold-start blob").isEqualTo(1);
            checkColdStart(EmfValidator.parse(lines.get(0)), options);
        }
        if (failure != null) {
            expected.checkReported(failure);
        } else {
            expected.checkWritten(lines, expected.linesBefore(coldStartLines[0]));
        }
        blobs += lines.size();
        sink.clear();
    }

    /** One random call; an exception it throws must be one of the documented refusals. */
    private void call(HostileInput in, MutableClock clock, CapturingSink sink, Expected expected, String requestId) {
        try {
            switch (in.nextInt(10)) {
                case 0, 1, 2 -> {
                    String name = in.name("M");
                    double value = in.number();
                    MetricUnit unit = in.chance(0.8) ? MetricUnit.COUNT : UNITS[in.nextInt(UNITS.length)];
                    MetricResolution resolution = in.chance(0.8) ? MetricResolution.STANDARD : MetricResolution.HIGH;
                    int times = in.chance(0.1) ? 1 + in.nextInt(150) : 1;
                    for (int t = 0; t < times; t++) {
                        Metrics.addMetric(name, value, unit, resolution);
                        expected.metric(name, value);
                    }
                }
                case 3 -> {
                    String key = in.name("Dim");
                    String value = in.chance(0.8) ? "value-" + in.nextInt(5) : in.name("dv");
                    Metrics.addDimension(key, value);
                    expected.dimensions.put(key, value);
                }
                case 4 -> {
                    String key = in.name("meta");
                    Metrics.addMetadata(key, in.value(0));
                    expected.metadata.add(key);
                }
                case 5 -> {
                    Instant now = clock.instant();
                    Instant stamp = in.oneOf(now.minus(Duration.ofDays(14)).plusSeconds(in.nextInt(120) - 60),
                            now.plus(Duration.ofHours(2)).plusSeconds(in.nextInt(120) - 60),
                            now.minusSeconds(in.nextInt(3600)));
                    Metrics.setTimestamp(stamp);
                }
                case 6 -> clock.advance(Duration.ofSeconds(in.oneOf(0, 1, 30, 90, 1200)));
                case 7 -> {
                    String namespace = in.chance(0.7) ? "Other/" + in.nextInt(3) : in.name("Ns");
                    Metrics.setNamespace(namespace);
                }
                case 8 -> single(in, sink, expected, requestId);
                default -> {
                    int before = sink.lines().size();
                    try {
                        Metrics.flush();
                        expected.checkWritten(sink.lines(), before);
                    } catch (IllegalStateException reported) {
                        expected.checkReported(reported);
                    }
                    expected.startOver(sink.lines().size());
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException refused) {
            refusedAtCall++;
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private void single(HostileInput in, CapturingSink sink, Expected expected, String requestId) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int d = in.chance(0.1) ? 31 : in.nextInt(4); d > 0; d--) {
            dimensions.put(in.chance(0.8) ? "SingleDim" + d : in.name("sd"), in.chance(0.8) ? "x" : in.name("sv"));
        }
        String name = in.name("Single");
        double value = in.number();
        int before = sink.lines().size();
        Metrics.flushSingleMetric(name, value, MetricUnit.COUNT, in.chance(0.9) ? "Single" : in.name("Ns"), dimensions);
        List<String> written = sink.lines().subList(before, sink.lines().size());
        assertThat(written).hasSize(1);
        expected.singleLines.add(before);
        JsonNode blob = EmfValidator.parse(written.get(0));
        assertThat(blob.get(name).asDouble()).isEqualTo(value == 0 ? 0.0 : value);
        assertThat(blob.at("/_aws/CloudWatchMetrics/0/Dimensions/0")).hasSize(dimensions.size());
        assertThat(blob.get("function_request_id").asText()).isEqualTo(requestId);
        acceptedValues++;
    }

    private static void checkColdStart(JsonNode blob, MetricsOptions options) {
        assertThat(blob.get("ColdStart").asInt()).isEqualTo(1);
        JsonNode keys = blob.at("/_aws/CloudWatchMetrics/0/Dimensions/0");
        List<String> names = new ArrayList<>();
        keys.forEach(k -> names.add(k.asText()));
        assertThat(names).contains("Service", "FunctionName").containsAll(options.defaultDimensions().keySet());
    }

    /** What the calls since the last flush were promised: every value, dimension and metadata key. */
    private final class Expected {
        private final Map<String, String> base = new LinkedHashMap<>();
        private final Map<String, List<Double>> values = new LinkedHashMap<>();
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private final List<String> metadata = new ArrayList<>();
        /** Lines written by flushSingleMetric, by index: not part of any set's flush. */
        private final java.util.Set<Integer> singleLines = new java.util.HashSet<>();
        private int firstLine = -1;

        Expected(MetricsOptions options) {
            options.service().ifPresent(service -> base.put("Service", service));
            base.putAll(options.defaultDimensions());
        }

        void metric(String name, double value) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value == 0 ? 0.0 : value);
        }

        /** Where the lines of the current set start: after the cold-start blob and earlier flushes. */
        int linesBefore(int coldStartLines) {
            return firstLine < 0 ? coldStartLines : firstLine;
        }

        void startOver(int linesSoFar) {
            values.clear();
            dimensions.clear();
            metadata.clear();
            firstLine = linesSoFar;
        }

        void checkReported(IllegalStateException failure) {
            assertThat(values).as("a failed flush had metrics to report: %s", failure.getMessage()).isNotEmpty();
            assertThat(failure.getMessage()).contains("not written").contains(values.keySet().iterator().next());
        }

        /** The blobs of one flush (lines from {@code from} on) hold exactly the accepted values, dimensions and metadata. */
        void checkWritten(List<String> lines, int from) {
            Map<String, List<Double>> written = new HashMap<>();
            Map<String, String> dims = new LinkedHashMap<>(base);
            dims.putAll(dimensions);
            for (int i = from; i < lines.size(); i++) {
                if (singleLines.contains(i)) {
                    continue;
                }
                String line = lines.get(i);
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(EmfValidator.MAX_BLOB_BYTES);
                JsonNode blob = EmfValidator.parse(line);
                JsonNode keys = blob.at("/_aws/CloudWatchMetrics/0/Dimensions/0");
                assertThat(keys.size()).as("dimensions %s in %s", dims, keys).isEqualTo(dims.size()).isLessThanOrEqualTo(30);
                dims.forEach((k, v) -> assertThat(blob.get(k).asText()).as("dimension %s", k).isEqualTo(v));
                metadata.forEach(k -> assertThat(blob.has(k)).as("metadata %s", k).isTrue());
                for (JsonNode metric : blob.at("/_aws/CloudWatchMetrics/0/Metrics")) {
                    String name = metric.get("Name").asText();
                    JsonNode value = blob.get(name);
                    List<Double> list = written.computeIfAbsent(name, k -> new ArrayList<>());
                    for (JsonNode v : value.isArray() ? value : List.of(value)) {
                        list.add(v.asDouble());
                    }
                }
            }
            Map<String, List<Double>> sorted = new HashMap<>();
            values.forEach((name, list) -> {
                List<Double> copy = new ArrayList<>(list);
                Collections.sort(copy);
                sorted.put(name, copy);
            });
            written.values().forEach(Collections::sort);
            assertThat(written).isEqualTo(sorted);
            values.values().forEach(list -> acceptedValues += list.size());
        }
    }
}
