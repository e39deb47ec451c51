package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.config.ConfigurationException;
import io.powertools.metrics.testkit.Fixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every rule is enforced at the call, with a message naming it, and never reaches a flush. */
class ValidationTest {

    private final Fixture fixture = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "svc");

    /** Runs the checks inside an invocation, then shows the valid metric still flushes cleanly. */
    private void inInvocation(Runnable checks) {
        MetricsFlusher.of(fixture.options().namespace("Valid").build()).execute(null, context("v"), () -> {
            Metrics.addMetric("Valid", 1, MetricUnit.COUNT);
            checks.run();
        });
        assertThat(fixture.sink().blobs()).hasSize(1);
    }

    private static void rejected(ThrowingCallable call, String rule) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(rule);
    }

    @Test
    void metricNamesAndValues() {
        inInvocation(() -> {
            rejected(() -> Metrics.addMetric("", 1, MetricUnit.COUNT), "1 to 255 characters");
            rejected(() -> Metrics.addMetric("   ", 1, MetricUnit.COUNT), "not blank");
            rejected(() -> Metrics.addMetric(null, 1, MetricUnit.COUNT), "Invalid metric name");
            rejected(() -> Metrics.addMetric("x".repeat(256), 1, MetricUnit.COUNT), "1 to 255");
            rejected(() -> Metrics.addMetric("a\nb", 1, MetricUnit.COUNT), "control character");
            rejected(() -> Metrics.addMetric("_aws", 1, MetricUnit.COUNT), "reserved");
            rejected(() -> Metrics.addMetric("function_request_id", 1, MetricUnit.COUNT), "reserved");
            rejected(() -> Metrics.addMetric("M", Double.NaN, MetricUnit.COUNT), "NaN or infinite");
            rejected(() -> Metrics.addMetric("M", Double.POSITIVE_INFINITY, MetricUnit.COUNT), "NaN or infinite");
            rejected(() -> Metrics.addMetric("M", Double.NEGATIVE_INFINITY, MetricUnit.COUNT), "NaN or infinite");
            rejected(() -> Metrics.addMetric("M", 1e200, MetricUnit.COUNT), "magnitudes");
            rejected(() -> Metrics.addMetric("M", 1e-200, MetricUnit.COUNT), "magnitudes");
            rejected(() -> Metrics.addMetric("M", 1, null), "has no unit");
            rejected(() -> Metrics.addMetric("M", 1, MetricUnit.COUNT, null), "has no resolution");
            assertThatCode(() -> Metrics.addMetric("x".repeat(255), 0, MetricUnit.COUNT)).doesNotThrowAnyException();
            assertThatCode(() -> Metrics.addMetric("Négatif €", -5, MetricUnit.COUNT)).doesNotThrowAnyException();
            rejected(() -> Metrics.addMetric("lone\uD800", 1, MetricUnit.COUNT), "unpaired UTF-16 surrogate U+D800");
            rejected(() -> Metrics.addMetric("\uDC00x", 1, MetricUnit.COUNT), "unpaired UTF-16 surrogate U+DC00");
            rejected(() -> Metrics.addMetadata("key\uD83D", "v"), "unpaired UTF-16 surrogate");
            assertThatCode(() -> Metrics.addMetric("emoji \uD83D\uDE00", 1, MetricUnit.COUNT))
                    .doesNotThrowAnyException();
        });
    }

    @Test
    void oneNameHasOneResolutionAndOneUnit() {
        inInvocation(() -> {
            Metrics.addMetric("Hi", 1, MetricUnit.COUNT, MetricResolution.HIGH);
            rejected(() -> Metrics.addMetric("Hi", 1, MetricUnit.COUNT), "one metric name has one storage resolution");
            rejected(() -> Metrics.addMetric("Hi", 1, MetricUnit.SECONDS, MetricResolution.HIGH),
                    "one metric name has one unit");
        });
    }

    @Test
    void dimensions() {
        inInvocation(() -> {
            rejected(() -> Metrics.addDimension("", "v"), "1 to 250 characters");
            rejected(() -> Metrics.addDimension("k".repeat(251), "v"), "1 to 250");
            rejected(() -> Metrics.addDimension(":colon", "v"), "must not start with ':'");
            rejected(() -> Metrics.addDimension("ké", "v"), "printable ASCII");
            rejected(() -> Metrics.addDimension("k", ""), "1 to 1024");
            rejected(() -> Metrics.addDimension("k", "v".repeat(1025)), "1 to 1024");
            rejected(() -> Metrics.addDimension("k", "tab\there"), "printable ASCII");
            rejected(() -> Metrics.addDimension("k", null), "Invalid value");
            rejected(() -> Metrics.addDimension("Valid", "v"), "already a metric name");
            Metrics.addDimension("Dim", "v");
            rejected(() -> Metrics.addMetric("Dim", 1, MetricUnit.COUNT), "already a dimension key");
            rejected(() -> Metrics.addMetric("Service", 1, MetricUnit.COUNT), "already a dimension key");
        });
    }

    @Test
    void atMostThirtyDimensionsServiceIncluded() {
        inInvocation(() -> {
            for (int i = 0; i < 29; i++) { // Service + 29 = 30
                Metrics.addDimension("d" + i, "v");
            }
            Metrics.addDimension("d0", "replaced"); // replacing does not count
            Metrics.addDimension("Service", "other"); // nor does overriding a default
            rejected(() -> Metrics.addDimension("d29", "v"), "at most 30 dimensions");
        });
        assertThat(fixture.sink().blobs().get(0).at("/_aws/CloudWatchMetrics/0/Dimensions/0")).hasSize(30);
    }

    @Test
    void defaultDimensionsAreValidatedAtInit() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            many.put("d" + i, "v");
        }
        assertThatThrownBy(() -> fixture.options().namespace("A").defaultDimensions(many).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("limit of 30");
        assertThatThrownBy(() -> fixture.options().namespace("A").defaultDimension(":x", "v").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must not start with ':'");
        assertThatThrownBy(() -> fixture.options().namespace("A").defaultDimension("Service", "v").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("conflicts with the service");
        assertThatThrownBy(() -> fixture.options().namespace("A").service("naïve").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("printable ASCII");
    }

    @Test
    void namespaces() {
        for (String bad : List.of("", "with space", "a".repeat(256), "émoji", "semi;colon")) {
            assertThatThrownBy(() -> fixture.options().namespace(bad).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("namespace");
        }
        assertThat(fixture.options().namespace("a-Z_0.9#:/x").build().namespace()).contains("a-Z_0.9#:/x");
        inInvocation(() -> {
            rejected(() -> Metrics.setNamespace("bad ns"), "letters, digits and . _ # : / -");
            rejected(() -> Metrics.flushSingleMetric("S", 1, MetricUnit.COUNT, "bad ns", Map.of()), "namespace");
        });
    }

    @Test
    void timestampsWithinFourteenDaysPastAndTwoHoursFuture() {
        Instant now = Instant.now();
        Fixture f = Fixture.withEnv();
        MetricsOptions options = f.options().namespace("A").clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        MetricsFlusher.of(options).execute(null, context("t"), () -> {
            rejected(() -> Metrics.setTimestamp(now.minusSeconds(14 * 86400 + 1)), "14 days in the past");
            rejected(() -> Metrics.setTimestamp(now.plusSeconds(2 * 3600 + 1)), "2 hours in the future");
            Metrics.setTimestamp(now.minusSeconds(14 * 86400 - 60));
            Metrics.setTimestamp(now.plusSeconds(2 * 3600 - 60));
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
        });
        assertThat(f.sink().blobs().get(0).at("/_aws/Timestamp").asLong())
                .isEqualTo(now.plusSeconds(2 * 3600 - 60).toEpochMilli());
    }

    @Test
    void metadata() {
        inInvocation(() -> {
            rejected(() -> Metrics.addMetadata("", "v"), "not blank");
            rejected(() -> Metrics.addMetadata("xray_trace_id", "v"), "reserved");
            rejected(() -> Metrics.addMetadata("Valid", "v"), "already a metric name or dimension key");
            rejected(() -> Metrics.addMetadata("Service", "v"), "already a metric name or dimension key");
            rejected(() -> Metrics.addMetadata("nan", Double.NaN), "NaN");
            rejected(() -> Metrics.addMetadata("obj", new Object()), "not supported");
            rejected(() -> Metrics.addMetadata("huge", "x".repeat(600 * 1024)), "1 MB");
            Metrics.addMetadata("meta", "v");
            rejected(() -> Metrics.addMetric("meta", 1, MetricUnit.COUNT), "already a metadata key");
            rejected(() -> Metrics.addDimension("meta", "v"), "already a metadata key");
        });
    }

    @Test
    void singleMetricRules() {
        inInvocation(() -> {
            Map<String, String> many = new HashMap<>();
            for (int i = 0; i < 31; i++) {
                many.put("d" + i, "v");
            }
            rejected(() -> Metrics.flushSingleMetric("S", 1, MetricUnit.COUNT, "A", many), "at most 30 dimensions");
            rejected(() -> Metrics.flushSingleMetric("S", 1, MetricUnit.COUNT, "A", Map.of("S", "v")),
                    "equals the metric name");
            rejected(() -> Metrics.flushSingleMetric("S", Double.NaN, MetricUnit.COUNT, "A", Map.of()), "NaN");
        });
    }
}
