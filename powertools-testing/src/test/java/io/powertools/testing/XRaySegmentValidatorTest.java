package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator accepts what the daemon and X-Ray accept and names each rule a document breaks. */
class XRaySegmentValidatorTest {

    private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";
    private static final String VALID = "{\"name\":\"## handleRequest\",\"id\":\"70de5b6f19ff9a0a\",\"start_time\":1480615200.010123,"
            + "\"end_time\":1480615200.090000,\"type\":\"subsegment\",\"trace_id\":\"1-58406520-a006649127e371903a2de979\","
            + "\"parent_id\":\"53995c3f42cd8ad8\",\"annotations\":{\"ColdStart\":true,\"Service\":\"orders\",\"Count\":3},"
            + "\"metadata\":{\"orders\":{\"response\":{\"ok\":true}}},"
            + "\"subsegments\":[{\"name\":\"DynamoDB\",\"id\":\"70de5b6f19ff9a0b\",\"start_time\":1480615200.020000,"
            + "\"end_time\":1480615200.030000,\"namespace\":\"aws\",\"fault\":true,"
            + "\"cause\":{\"exceptions\":[{\"id\":\"0123456789abcdef\",\"type\":\"E\",\"message\":\"m\"}]}}]}";

    private static List<String> problems(String document) {
        return XRaySegmentValidator.validateDatagram((HEADER + document).getBytes(StandardCharsets.UTF_8));
    }

    private static String replace(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    @Test
    void aWellFormedSubsegmentWithAnEmbeddedOneIsValid() {
        assertThat(problems(VALID)).isEmpty();
        assertThat(problems("{\"name\":\"s\",\"id\":\"70de5b6f19ff9a0a\",\"start_time\":1480615200.01,"
                + "\"in_progress\":true,\"trace_id\":\"1-58406520-a006649127e371903a2de979\"}")).isEmpty();
    }

    @Test
    void theHeaderLineMustBeTheDaemonsAndTheDocumentStrictJson() {
        assertThat(XRaySegmentValidator.validateDatagram(VALID.getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().contains("no header line");
        assertThat(XRaySegmentValidator.validateDatagram(("{\"format\": \"json\", \"version\": 2}\n" + VALID)
                .getBytes(StandardCharsets.UTF_8))).singleElement().asString().contains("expected {\"format\"");
        assertThat(problems(replace("\"name\":\"## handleRequest\",", "\"name\":\"a\",\"name\":\"b\","))).singleElement()
                .asString().contains("not strict JSON");
    }

    @Test
    void idsTraceIdsAndParentsHaveTheirFormats() {
        assertThat(problems(replace("\"id\":\"70de5b6f19ff9a0a\"", "\"id\":\"70DE5B6F19FF9A0A\""))).singleElement()
                .asString().contains("$.id");
        assertThat(problems(replace("\"id\":\"70de5b6f19ff9a0b\"", "\"id\":\"70de5b6f19ff9a0a\""))).singleElement()
                .asString().contains("appears twice");
        assertThat(problems(replace("1-58406520-a006649127e371903a2de979", "58406520-a006649127e371903a2de979")))
                .singleElement().asString().contains("trace_id");
        assertThat(problems(replace("\"parent_id\":\"53995c3f42cd8ad8\",", ""))).singleElement().asString()
                .contains("needs parent_id");
    }

    @Test
    void timesAreEpochSecondsEndingAfterTheyStartOrInProgress() {
        assertThat(problems(replace("\"end_time\":1480615200.090000,", ""))).singleElement().asString()
                .contains("neither end_time nor in_progress");
        assertThat(problems(replace("\"end_time\":1480615200.090000,", "\"end_time\":1480615200.090000,\"in_progress\":true,")))
                .singleElement().asString().contains("both");
        assertThat(problems(replace("\"end_time\":1480615200.090000", "\"end_time\":1480615200.000000")))
                .singleElement().asString().contains("$.end_time");
        // Milliseconds instead of seconds: also ends before it starts and starts after its child.
        assertThat(problems(replace("\"start_time\":1480615200.010123", "\"start_time\":1480615200010")))
                .anySatisfy(problem -> assertThat(problem).contains("$.start_time").contains("not epoch seconds"));
        assertThat(problems(replace("\"start_time\":1480615200.020000", "\"start_time\":1480615200.000000")))
                .singleElement().asString().contains("before its parent");
    }

    @Test
    void namesNamespacesAnnotationsMetadataAndCausesFollowXRaysRules() {
        assertThat(problems(replace("\"name\":\"DynamoDB\"", "\"name\":\"Dynamo<DB>\""))).singleElement().asString()
                .contains("subsegments[0].name");
        assertThat(problems(replace("\"namespace\":\"aws\"", "\"namespace\":\"local\""))).singleElement().asString()
                .contains("namespace");
        assertThat(problems(replace("\"fault\":true", "\"fault\":\"yes\""))).singleElement().asString().contains("fault");
        assertThat(problems(replace("\"Count\":3", "\"Count.total\":3"))).singleElement().asString()
                .contains("key 'Count.total'");
        assertThat(problems(replace("\"Count\":3", "\"Count\":[3]"))).singleElement().asString().contains("ARRAY");
        assertThat(problems(replace("\"Count\":3", "\"Long\":\"" + "x".repeat(1001) + "\""))).singleElement()
                .asString().contains("over 1000");
        assertThat(problems(replace("\"orders\":{", "\"AWS.orders\":{"))).singleElement().asString().contains("reserved");
        assertThat(problems(replace("\"id\":\"0123456789abcdef\"", "\"id\":\"e1\""))).singleElement().asString()
                .contains("cause exception id");
    }

    @Test
    void sizesAreCheckedInBytesAsSent() {
        String big = replace("\"Service\":\"orders\"", "\"Service\":\"" + "é".repeat(33_000) + "\"");
        assertThat(problems(big)).anySatisfy(problem -> assertThat(problem).contains("over X-Ray's 65536"));
        assertThat(problems(big)).anySatisfy(problem -> assertThat(problem).contains("over the 65507"));
        assertThat(problems(big)).anySatisfy(problem -> assertThat(problem).contains("over 1000"));
    }

    @Test
    void requireValidListsEveryProblem() {
        assertThatThrownBy(() -> XRaySegmentValidator.requireValidDatagram(
                (HEADER + replace("\"namespace\":\"aws\"", "\"namespace\":\"x\"")).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("namespace");
    }
}
