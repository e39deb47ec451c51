package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

class EmfValidatorTest {

    private static String blob(String metricsDirective, String rootMembers) {
        return "{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\","
                + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[" + metricsDirective + "]}]},\"Service\":\"orders\""
                + rootMembers + "}";
    }

    @Test
    void aWellFormedBlobHasNoProblems() {
        String line = blob("{\"Name\":\"Orders\",\"Unit\":\"Count\",\"StorageResolution\":60}", ",\"Orders\":[1,2]");
        assertThat(EmfValidator.looksLikeEmf(line)).isTrue();
        assertThat(EmfValidator.problems(line)).isEmpty();
        assertThat(EmfValidator.requireValid(line).get("Orders").size()).isEqualTo(2);
    }

    @Test
    void namesEveryBrokenRule() {
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Orders\",\"Unit\":\"Count\"}", "")))
                .anyMatch(p -> p.contains("is not a root member"));
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Orders\",\"Unit\":\"Apples\"}", ",\"Orders\":1")))
                .anyMatch(p -> p.contains("invalid Unit"));
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Orders\",\"StorageResolution\":5}", ",\"Orders\":1")))
                .anyMatch(p -> p.contains("invalid StorageResolution"));
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Orders\"}", ",\"Orders\":\"seven\"")))
                .anyMatch(p -> p.contains("not a number"));
        assertThat(EmfValidator.problems("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[]}}"))
                .anyMatch(p -> p.contains("Timestamp 1 outside"))
                .anyMatch(p -> p.contains("CloudWatchMetrics missing, not an array or empty"));
        assertThat(EmfValidator.problems("{\"_aws\":{},\"_aws\":{}}")).anyMatch(p -> p.contains("duplicate"));
        assertThat(EmfValidator.problems("not json")).anyMatch(p -> p.startsWith("not JSON"));
    }

    @Test
    void enforcesTheCountLimits() {
        StringJoiner metrics = new StringJoiner(",");
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            metrics.add("{\"Name\":\"M" + i + "\"}");
            members.append(",\"M").append(i).append("\":1");
        }
        assertThat(EmfValidator.problems(blob(metrics.toString(), members.toString())))
                .anyMatch(p -> p.contains("101 metrics (max 100)"));

        StringJoiner values = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 101; i++) {
            values.add(Integer.toString(i));
        }
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Orders\"}", ",\"Orders\":" + values)))
                .anyMatch(p -> p.contains("101 values"));
    }

    @Test
    void requireValidFailsListingTheProblems() {
        assertThatThrownBy(() -> EmfValidator.requireValid(blob("{\"Name\":\"Orders\"}", "")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Invalid EMF line")
                .hasMessageContaining("Orders");
    }

    private static String blobWithDimensions(String dimensionKeys, String rootMembers) {
        return "{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\","
                + "\"Dimensions\":[[" + dimensionKeys + "]],\"Metrics\":[{\"Name\":\"Orders\"}]}]},\"Orders\":1"
                + rootMembers + "}";
    }

    @Test
    void measuresTheLineInBytesAsWritten() {
        // 400,000 characters of 3 bytes: well under a million characters, 1.2 MB as written.
        String big = blob("{\"Name\":\"Orders\"}", ",\"Orders\":1,\"note\":\"" + "\u20ac".repeat(400_000) + "\"");
        byte[] bytes = (big + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(EmfValidator.problems(bytes, 0, bytes.length)).anyMatch(p -> p.contains("bytes"));
        assertThat(EmfValidator.problems(big)).anyMatch(p -> p.contains("bytes"));

        String fits = blob("{\"Name\":\"Orders\"}", ",\"Orders\":1");
        byte[] valid = ("xx" + fits + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(EmfValidator.problems(valid, 2, valid.length - 2)).isEmpty();

        byte[] broken = fits.getBytes(StandardCharsets.UTF_8);
        broken[broken.length - 3] = (byte) 0xC3; // a lead byte without its continuation: not UTF-8
        assertThat(EmfValidator.problems(broken, 0, broken.length)).anyMatch(p -> p.contains("UTF-8"));
    }

    @Test
    void appliesCloudWatchsNameAndValueRules() {
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Or\\nders\"}", ",\"Or\\nders\":1")))
                .anyMatch(p -> p.contains("control character"));
        assertThat(EmfValidator.problems(blob("{\"Name\":\"lone\\ud800\"}", ",\"lone\\ud800\":1")))
                .anyMatch(p -> p.contains("surrogate"));
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Orders\"}", ",\"Orders\":1e200")))
                .anyMatch(p -> p.contains("magnitude"));
        assertThat(EmfValidator.problems(blob("{\"Name\":\"Orders\"}", ",\"Orders\":[1,1e-200]")))
                .anyMatch(p -> p.contains("magnitude"));
        assertThat(EmfValidator.problems(blobWithDimensions("\"Caf\u00e9\"", ",\"Caf\u00e9\":\"v\"")))
                .anyMatch(p -> p.contains("ASCII"));
        assertThat(EmfValidator.problems(blobWithDimensions("\"  \"", ",\"  \":\"v\"")))
                .anyMatch(p -> p.contains("blank"));
        assertThat(EmfValidator.problems(blobWithDimensions("\"Stage\"", ",\"Stage\":\"   \"")))
                .anyMatch(p -> p.contains("blank"));
        assertThat(EmfValidator.problems(blobWithDimensions("\"Stage\",\"Stage\"", ",\"Stage\":\"prod\"")))
                .anyMatch(p -> p.contains("twice"));
        assertThat(EmfValidator.problems(blobWithDimensions("\"Orders\"", "")))
                .anyMatch(p -> p.contains("both a metric and a dimension"));
        StringJoiner thirtyOne = new StringJoiner(",");
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            thirtyOne.add("\"d" + i + "\"");
            members.append(",\"d").append(i).append("\":\"v\"");
        }
        assertThat(EmfValidator.problems(blobWithDimensions(thirtyOne.toString(), members.toString())))
                .anyMatch(p -> p.contains("31 keys (max 30)"));
    }

    @Test
    void checksTheTimestampWindowAgainstTheGivenTime() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        String tooOld = "{\"_aws\":{\"Timestamp\":" + now.minus(Duration.ofDays(14)).minusMillis(1).toEpochMilli()
                + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"M\":1}";
        assertThat(EmfValidator.problems(tooOld, now)).anyMatch(p -> p.contains("14 days"));
        assertThat(EmfValidator.problems(tooOld, now.minusMillis(1))).isEmpty();
        assertThatThrownBy(() -> EmfValidator.requireValid(tooOld, now)).isInstanceOf(AssertionError.class);
        assertThat(EmfValidator.requireValid(tooOld, now.minusSeconds(60)).get("M").asInt()).isEqualTo(1);
    }
}
