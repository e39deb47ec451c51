package io.powertools.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.metrics.MetricResolution;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsFlusher;
import io.powertools.metrics.MetricsOptions;
import io.powertools.reliability.support.Garbage;
import io.powertools.reliability.support.LogFile;
import io.powertools.testing.EmfValidator;
import io.powertools.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary metric names, values, units, resolutions, dimensions, metadata, namespaces and
 * timestamps, valid or not, recorded in invocations: each call either records or throws the
 * documented {@code IllegalArgumentException}; every blob written is valid EMF (checked by an
 * independent validator) and carries exactly the values that were accepted, in its own invocation.
 */
class MetricsFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 3000);
    private static final MetricUnit[] UNITS = MetricUnit.values();

    @Test
    void arbitraryInputEitherIsRefusedAtTheCallOrEndsUpInValidBlobs() {
        long logOffset = LogFile.size();
        Garbage garbage = new Garbage(SEED + 30);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        MetricsFlusher flusher = MetricsFlusher.of(MetricsOptions.builder()
                .namespace("Fuzz")
                .service("fuzz")
                .defaultDimension("Stage", "test")
                .captureColdStart(true)
                .functionName("fuzz")
                .sink((bytes, offset, length) -> lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8)))
                .build());
        Map<String, String> escapes = new TreeMap<>();
        int refused = 0;
        int accepted = 0;
        int blobs = 0;
        for (int c = 0; c < CASES; c++) {
            String requestId = "metrics-" + c;
            lines.clear();
            List<Double> acceptedValues = new ArrayList<>();
            int calls = 1 + garbage.nextInt(12);
            int[] refusedHere = {0};
            flusher.execute(null, FakeContext.builder().awsRequestId(requestId).functionName("fuzz").build(), () -> {
                // One well-formed metric keeps every invocation's blob non-empty and attributable.
                Metrics.addMetric("Case", 1, MetricUnit.COUNT);
                for (int i = 0; i < calls; i++) {
                    try {
                        switch (garbage.nextInt(6)) {
                            case 0, 1 -> {
                                double value = value(garbage);
                                Metrics.addMetric(name(garbage), value, UNITS[garbage.nextInt(UNITS.length)],
                                        garbage.random().nextBoolean() ? MetricResolution.HIGH : MetricResolution.STANDARD);
                                acceptedValues.add(value);
                            }
                            case 2 -> Metrics.addDimension(name(garbage), garbage.chance(0.5) ? "v" : garbage.text());
                            case 3 -> Metrics.addMetadata(name(garbage), garbage.chance(0.5)
                                    ? cleanKeys(garbage.value(3)) : garbage.text());
                            case 4 -> Metrics.setNamespace(garbage.chance(0.5) ? "Ns.ok-" + garbage.nextInt(9)
                                    : garbage.text());
                            default -> Metrics.setTimestamp(Instant.now().plusSeconds(
                                    garbage.chance(0.7) ? -garbage.nextInt(3600) : garbage.random().nextLong() % 10_000_000L));
                        }
                    } catch (IllegalArgumentException documented) {
                        assertThat(documented.getMessage()).isNotBlank();
                        refusedHere[0]++;
                    } catch (RuntimeException e) {
                        escapes.putIfAbsent(e.getClass().getName(), requestId + ": " + e);
                    }
                }
            });
            refused += refusedHere[0];
            accepted += acceptedValues.size();
            // Every blob valid; the accepted values of this invocation are all there, and nothing else.
            List<Double> written = new ArrayList<>();
            for (String raw : lines) {
                String line = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
                JsonNode blob = EmfValidator.requireValid(line);
                blobs++;
                if (blob.has("ColdStart")) {
                    continue;
                }
                assertThat(blob.get("function_request_id").asText()).isEqualTo(requestId);
                for (JsonNode directive : blob.get("_aws").get("CloudWatchMetrics")) {
                    for (JsonNode metric : directive.get("Metrics")) {
                        String name = metric.get("Name").asText();
                        if (name.equals("Case")) {
                            continue;
                        }
                        JsonNode value = blob.get(name);
                        for (JsonNode v : value.isArray() ? value : List.of(value)) {
                            written.add(v.asDouble());
                        }
                    }
                }
            }
            Collections.sort(written);
            List<Double> expected = new ArrayList<>(acceptedValues);
            Collections.sort(expected);
            assertThat(written).as("values written for %s", requestId).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(written.get(i)).as("value %d of %s", i, requestId)
                        .isCloseTo(expected.get(i), org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
        }
        assertThat(escapes).as("undocumented exceptions out of the Metrics API (type -> first case)").isEmpty();
        assertThat(refused).isPositive();
        assertThat(accepted).isPositive();
        assertThat(blobs).isGreaterThanOrEqualTo(CASES);
        LogFile.linesSince(logOffset); // warnings the module logged are valid JSON lines too
    }

    private static String name(Garbage garbage) {
        if (garbage.chance(0.6)) {
            return "M" + garbage.nextInt(150);
        }
        // Unpaired surrogates in names are the disabled test below: the defect it documents.
        return withoutUnpairedSurrogates(garbage.text());
    }

    /** The value with unpaired surrogates removed from every map key (see the disabled test). */
    private static Object cleanKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> clean = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> clean.put(withoutUnpairedSurrogates(String.valueOf(k)), cleanKeys(v)));
            return clean;
        }
        if (value instanceof List<?> list) {
            List<Object> clean = new ArrayList<>();
            list.forEach(v -> clean.add(cleanKeys(v)));
            return clean;
        }
        return value;
    }

    static String withoutUnpairedSurrogates(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(ch).append(text.charAt(++i));
            } else if (!Character.isSurrogate(ch)) {
                clean.append(ch);
            }
        }
        return clean.toString();
    }

    @Test
    void namesWithUnpairedSurrogatesAreRefusedAtTheCallOrWrittenAsValidEmf() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        MetricsFlusher flusher = MetricsFlusher.of(MetricsOptions.builder().namespace("Fuzz")
                .sink((bytes, offset, length) -> lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8)))
                .build());
        for (String name : List.of("lone \uDE07 low", "lone \uD800 high")) {
            lines.clear();
            flusher.execute(null, FakeContext.create(), () -> {
                Metrics.addMetric("Ok", 1, MetricUnit.COUNT);
                try {
                    Metrics.addMetric(name, 1, MetricUnit.COUNT);
                } catch (IllegalArgumentException refused) {
                    // the fix
                }
                try {
                    Metrics.addMetadata(name, "value");
                } catch (IllegalArgumentException refused) {
                    // the fix
                }
            });
            lines.forEach(line -> EmfValidator.requireValid(line.trim()));
        }
    }

    private static double value(Garbage garbage) {
        switch (garbage.nextInt(8)) {
            case 0:
                return Double.NaN;
            case 1:
                return garbage.random().nextBoolean() ? Double.POSITIVE_INFINITY : -1e200;
            case 2:
                return 1e-200;
            case 3:
                return -0.0;
            case 4:
                return garbage.random().nextGaussian() * 1e100;
            default:
                return garbage.nextInt(100_000) / 7.0;
        }
    }
}
