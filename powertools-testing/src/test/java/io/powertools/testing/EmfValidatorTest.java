package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
