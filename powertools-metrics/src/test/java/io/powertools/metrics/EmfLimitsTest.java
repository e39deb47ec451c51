package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.Invocation;
import io.powertools.core.config.ConfigurationException;
import io.powertools.metrics.testkit.Fixture;
import io.powertools.metrics.testkit.MutableClock;
import io.powertools.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A blob CloudWatch would reject is never written, whatever the input: sizes are counted in bytes
 * as written, every blob (the cold-start one included) holds at most 30 dimensions, no member is
 * written twice, timestamps are checked again at flush, and what cannot be written is reported at
 * the call or at init, naming the metric or setting. (Every line the fixture's sink receives is
 * also checked by {@code EmfValidator}: 1 MB in bytes, strict JSON, the EMF rules.)
 */
class EmfLimitsTest {

    private static final int ONE_MB = 1024 * 1024;

    // --- sizes in bytes --------------------------------------------------------------------------

    @Test
    void metadataKeysFollowTheMetricNameRule() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("keys"), () -> {
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
            // 170,000 characters of 3 bytes each: 510 KB as written, once charged as 170 KB.
            assertThatThrownBy(() -> Metrics.addMetadata("\u20ac".repeat(170_000), "v"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 255 characters");
            assertThatThrownBy(() -> Metrics.addMetadata("k".repeat(256), "v"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 255 characters");
            assertThatThrownBy(() -> Metrics.addMetadata("bell\u0007", "v"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
            assertThatThrownBy(() -> Metrics.addMetadata("line\nbreak", "v"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
            assertThatCode(() -> Metrics.addMetadata("\u20ac".repeat(255), "v")).doesNotThrowAnyException();
        });
        assertThat(f.sink().blobs()).singleElement().satisfies(b -> assertThat(b.has("\u20ac".repeat(255))).isTrue());
    }

    @Test
    void metadataIsChargedInBytesAsWritten() {
        Fixture f = Fixture.withEnv("POWERTOOLS_SERVICE_NAME", "svc");
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("lone"), () -> {
            for (int d = 0; d < 29; d++) {
                Metrics.addDimension("d" + d, "v".repeat(1024));
            }
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
            // A lone surrogate is written as the six bytes \ud800: 174,000 of them are 1,044,000 bytes.
            assertThatThrownBy(() -> Metrics.addMetadata("lone", "\ud800".repeat(174_000)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'lone'").hasMessageContaining("bytes");
            // Control characters cost six bytes each as well.
            assertThatThrownBy(() -> Metrics.addMetadata("controls", "\u0001".repeat(100_000)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'controls'");
        });
        assertThat(f.sink().blobs()).hasSize(1);
    }

    @Test
    void aMetadataMapWhoseKeysShareTheirTextIsRefusedNotHalfWritten() {
        Fixture f = Fixture.withEnv();
        Map<Object, Object> ids = new LinkedHashMap<>();
        ids.put(1, "number key");
        ids.put("1", "text key"); // both become the member "1"
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("keys"), () -> {
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
            assertThatThrownBy(() -> Metrics.addMetadata("ids", ids))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ids'")
                    .hasMessageContaining("same text");
        });
        assertThat(f.sink().blobs()).singleElement().satisfies(b -> assertThat(b.has("ids")).isFalse());
    }

    @Test
    void aLoneSurrogateStaysAnEscapeInValuesAndIsRefusedInNames() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher.of(f.options().namespace("A").build()).execute(null, context("lone"), () -> {
            Metrics.addMetric("M", 1, MetricUnit.COUNT);
            Metrics.addMetadata("text", "half \ud83d of a pair");
            // As a member name, the escape makes strict parsers reject the whole blob.
            assertThatThrownBy(() -> Metrics.addMetadata("nested", Map.of("half \ud83d", 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nested'")
                    .hasMessageContaining("U+D83D");
        });
        List<String> lines = f.sink().lines();
        assertThat(lines).singleElement().asString().contains("\"half \\ud83d of a pair\"");
        assertThat(f.sink().blobs().get(0).get("text").asText()).isEqualTo("half \ud83d of a pair");
    }

    @Test
    void theLargestInputsTheRulesAcceptStillFitOneMegabytePerBlob() {
        Fixture f = Fixture.withEnv();
        MetricsOptions.Builder options = f.options().namespace("N".repeat(255)).service("s".repeat(1024));
        for (int d = 0; d < 29; d++) {
            options.defaultDimension(String.format("%03d", d) + "k".repeat(247), "v".repeat(1024));
        }
        MetricsFlusher flusher = MetricsFlusher.of(options.build());
        String longest = "-1.2345678901234567E-100"; // as long as a value gets
        double value = Double.parseDouble(longest);
        List<String> refused = new ArrayList<>();
        flusher.execute(null, context("worst-case"), () -> {
            for (int m = 0; m < 100; m++) {
                String name = String.format("M%03d", m) + "\u20ac".repeat(251); // 255 characters, 757 bytes
                for (int v = 0; v < 100; v++) {
                    Metrics.addMetric(name, value, MetricUnit.KILOBYTES_PER_SECOND, MetricResolution.HIGH);
                }
            }
            // Fill the metadata until the budget refuses more.
            for (int k = 0; k < 100 && refused.isEmpty(); k++) {
                try {
                    Metrics.addMetadata(String.format("K%03d", k) + "\u20ac".repeat(251), "\u20ac".repeat(20_000));
                } catch (IllegalArgumentException e) {
                    refused.add(e.getMessage());
                }
            }
        });
        assertThat(refused).singleElement().asString().contains("bytes");
        List<String> lines = f.sink().lines();
        assertThat(lines).hasSize(1);
        int bytes = lines.get(0).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("the worst case comes close to the limit").isGreaterThan(ONE_MB * 85 / 100)
                .isLessThanOrEqualTo(ONE_MB);
        assertThat(lines.get(0)).contains(longest);
    }

    @Test
    void aBlobThatWouldExceedOneMegabyteIsNeverWrittenAndTheFlushNamesItsMetrics() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("A").build());
        // Lambda's request ids have 36 characters; a test double can make them as long as it likes.
        FakeContext huge = FakeContext.builder().awsRequestId("r".repeat(1_100_000)).build();
        assertThatThrownBy(() -> flusher.execute(null, huge, () -> Metrics.addMetric("Orders", 1, MetricUnit.COUNT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Orders").hasMessageContaining("1 MB");
        assertThat(f.sink().lines()).isEmpty();
    }

    // --- at most 30 dimensions, each member once --------------------------------------------------

    @Test
    void theColdStartBlobCountsAgainstTheThirtyDimensionLimitAtInit() {
        Fixture f = Fixture.withEnv();
        MetricsOptions.Builder withService = f.options().namespace("A").service("svc").captureColdStart(true);
        MetricsOptions.Builder withoutService = f.options().namespace("A").captureColdStart(true);
        for (int d = 0; d < 29; d++) {
            withService.defaultDimension("d" + d, "v");
            withoutService.defaultDimension("d" + d, "v");
        }
        // Service + 29 defaults = 30 on regular blobs; the ColdStart blob adds FunctionName: 31.
        assertThatThrownBy(withService::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ColdStart").hasMessageContaining("31 dimensions");
        // Without a service, the ColdStart blob still carries Service and FunctionName: 31.
        assertThatThrownBy(withoutService::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("31 dimensions");
        // The same defaults without the cold-start metric are fine.
        assertThatCode(() -> withService.captureColdStart(false).build()).doesNotThrowAnyException();

        MetricsOptions.Builder thirty = f.options().namespace("A").service("svc").captureColdStart(true);
        for (int d = 0; d < 28; d++) {
            thirty.defaultDimension("d" + d, "v");
        }
        MetricsFlusher.of(thirty.build()).execute(null, context("r"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        JsonNode coldStart = f.sink().blobs().get(0);
        assertThat(coldStart.has("ColdStart")).isTrue();
        assertThat(coldStart.at("/_aws/CloudWatchMetrics/0/Dimensions/0")).hasSize(30);
    }

    @Test
    void aDefaultDimensionThatCollidesWithTheColdStartBlobIsRefusedAtInit() {
        Fixture f = Fixture.withEnv();
        assertThatThrownBy(() -> f.options().namespace("A").captureColdStart(true)
                .defaultDimension("ColdStart", "yes").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'ColdStart'").hasMessageContaining("metric");
        assertThatThrownBy(() -> f.options().namespace("A").captureColdStart(true)
                .defaultDimension("FunctionName", "mine").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'FunctionName'").hasMessageContaining("functionName");
        // Without the cold-start blob there is nothing to collide with.
        assertThatCode(() -> f.options().namespace("A").defaultDimension("ColdStart", "yes")
                .defaultDimension("FunctionName", "mine").build()).doesNotThrowAnyException();
    }

    @Test
    void aServiceGivenAsDefaultDimensionAppearsOnceInTheColdStartBlob() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher.of(f.options().namespace("A").captureColdStart(true).defaultDimension("Service", "billing")
                .defaultDimension("Stage", "prod").build())
                .execute(null, context("cold"), () -> Metrics.addMetric("M", 1, MetricUnit.COUNT));
        List<JsonNode> blobs = f.sink().blobs(); // parsed strictly: a second "Service" member fails here
        JsonNode coldStart = blobs.get(0);
        List<String> keys = new ArrayList<>();
        coldStart.at("/_aws/CloudWatchMetrics/0/Dimensions/0").forEach(k -> keys.add(k.asText()));
        assertThat(keys).containsExactly("Service", "FunctionName", "Stage");
        assertThat(coldStart.get("Service").asText()).isEqualTo("billing");
        assertThat(blobs.get(1).get("Service").asText()).isEqualTo("billing");
    }

    // --- timestamps ---------------------------------------------------------------------------------

    @Test
    void aTimestampThatAgedPastFourteenDaysIsReportedAtFlushNotWritten() {
        Instant now = Instant.now();
        MutableClock clock = new MutableClock(now);
        Fixture f = Fixture.withEnv();
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("A").clock(clock).build());
        assertThatThrownBy(() -> flusher.execute(null, context("aged"), () -> {
            Metrics.setTimestamp(now.minus(Duration.ofDays(14)).plusSeconds(30)); // valid when set
            Metrics.addMetric("Late", 1, MetricUnit.COUNT);
            clock.advance(Duration.ofSeconds(59)); // the handler ran for a minute
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Late").hasMessageContaining("14 days").hasMessageContaining("aged");
        assertThat(f.sink().lines()).isEmpty();

        // An explicit flush reports it at that call.
        flusher.execute(null, context("explicit"), () -> {
            Metrics.setTimestamp(clock.instant().minus(Duration.ofDays(14)).plusSeconds(1));
            Metrics.addMetric("Early", 1, MetricUnit.COUNT);
            clock.advance(Duration.ofSeconds(2));
            assertThatThrownBy(Metrics::flush).isInstanceOf(IllegalStateException.class).hasMessageContaining("Early");
            Metrics.addMetric("Fresh", 1, MetricUnit.COUNT); // a new set, stamped at its flush
        });
        assertThat(f.sink().blobs()).singleElement().satisfies(b -> assertThat(b.has("Fresh")).isTrue());
    }

    // --- after the flusher closed -------------------------------------------------------------------

    @Test
    void aMetricAddedAfterItsFlusherFinishedIsRefusedAndNeverFailsTheOuterScope() throws Exception {
        Fixture f = Fixture.withEnv(); // no namespace variable: a set created late could not flush
        MetricsFlusher flusher = MetricsFlusher.of(f.options().namespace("A").build());
        AtomicReference<Runnable> backgroundTask = new AtomicReference<>();
        Invocation.Scope outer = f.environment().open(null, context("outer"));
        try {
            flusher.execute(null, context("outer"), () -> {
                Metrics.addMetric("InTime", 1, MetricUnit.COUNT);
                backgroundTask.set(Invocation.wrap(() -> Metrics.addMetric("Late", 1, MetricUnit.COUNT)));
            });
            // The task outlives the flusher but not the invocation an outer utility opened.
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    backgroundTask.get().run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            worker.start();
            worker.join();
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'Late'").hasMessageContaining("outer").hasMessageContaining("not written");
        } finally {
            assertThatCode(outer::close).doesNotThrowAnyException();
        }
        assertThat(f.sink().blobs()).singleElement().satisfies(b -> {
            assertThat(b.has("InTime")).isTrue();
            assertThat(b.has("Late")).isFalse();
        });
    }

    @Test
    void aMetricAddedAfterTheInvocationClosedIsRefusedNamingTheMetric() {
        Fixture f = Fixture.withEnv("POWERTOOLS_METRICS_NAMESPACE", "Env");
        MetricsFlusher flusher = MetricsFlusher.of(f.options().build());
        AtomicReference<Runnable> backgroundTask = new AtomicReference<>();
        flusher.execute(null, context("gone"), () -> {
            Metrics.addMetric("InTime", 1, MetricUnit.COUNT);
            backgroundTask.set(Invocation.wrap(() -> Metrics.addDimension("LateDimension", "x")));
        });
        assertThatThrownBy(() -> backgroundTask.get().run()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'LateDimension'").hasMessageContaining("gone");
        assertThat(f.sink().blobs()).hasSize(1);
    }

    @Test
    void flushersRunOneAfterTheOtherInOneInvocationEachWriteTheirMetrics() {
        Fixture f = Fixture.withEnv();
        MetricsFlusher first = MetricsFlusher.of(f.options().namespace("First").build());
        MetricsFlusher second = MetricsFlusher.of(f.options().namespace("Second").build());
        try (Invocation.Scope outer = f.environment().open(null, context("twice"))) {
            first.execute(null, context("twice"), () -> Metrics.addMetric("A", 1, MetricUnit.COUNT));
            second.execute(null, context("twice"), () -> Metrics.addMetric("B", 1, MetricUnit.COUNT));
            assertThat(outer.isOwner()).isTrue();
        }
        assertThat(f.sink().blobs()).extracting(b -> b.at("/_aws/CloudWatchMetrics/0/Namespace").asText())
                .containsExactly("First", "Second");
    }
}
