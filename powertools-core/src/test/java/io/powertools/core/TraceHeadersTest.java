package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the X-Ray trace header Lambda gives each request is read. */
class TraceHeadersTest {

    private static final String HEADER = "Root=1-6a1b2c3d-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";

    @Test
    void theRootIsTheTraceIdWhereverItStandsInTheHeader() {
        assertThat(TraceHeaders.root(HEADER)).isEqualTo("1-6a1b2c3d-0123456789abcdef01234567");
        assertThat(TraceHeaders.root("Sampled=0;Root=1-6a1b2c3d-0123456789abcdef01234567"))
                .isEqualTo("1-6a1b2c3d-0123456789abcdef01234567");
    }

    @Test
    void aBareTraceIdIsItsOwnRoot() {
        assertThat(TraceHeaders.root(" 1-6a1b2c3d-0123456789abcdef01234567 "))
                .isEqualTo("1-6a1b2c3d-0123456789abcdef01234567");
    }

    @Test
    void aHeaderWithoutARootHasNoTraceId() {
        assertThat(TraceHeaders.root("Parent=53995c3f42cd8ad8;Sampled=1")).isNull();
        assertThat(TraceHeaders.root("Root=;Sampled=1")).isNull();
        assertThat(TraceHeaders.root("  ")).isNull();
        assertThat(TraceHeaders.root(null)).isNull();
    }

    @Test
    void partsMayComeInAnyOrderWithSpacesAndUnknownPartsBetween() {
        String header = "Sampled=1;Lineage=a87bd80c:0; Parent = 53995c3f42cd8ad8 ;Root=1-6a1b2c3d-0123456789abcdef01234567";
        assertThat(TraceHeaders.root(header)).isEqualTo("1-6a1b2c3d-0123456789abcdef01234567");
        assertThat(TraceHeaders.parent(header)).isEqualTo("53995c3f42cd8ad8");
        assertThat(TraceHeaders.isSampled(header)).isTrue();
    }

    @Test
    void theParentIsTheFunctionsSegment() {
        assertThat(TraceHeaders.parent(HEADER)).isEqualTo("53995c3f42cd8ad8");
        assertThat(TraceHeaders.parent("Root=1-6a1b2c3d-0123456789abcdef01234567;Sampled=1")).isNull();
        assertThat(TraceHeaders.parent("Root=1-6a1b2c3d-0123456789abcdef01234567;Parent=;Sampled=1")).isNull();
        assertThat(TraceHeaders.parent("1-6a1b2c3d-0123456789abcdef01234567")).isNull();
        assertThat(TraceHeaders.parent(null)).isNull();
    }

    @Test
    void onlySampledEqualsOneMeansSampled() {
        assertThat(TraceHeaders.isSampled(HEADER.replace("Sampled=1", "Sampled=?"))).isFalse();
        assertThat(TraceHeaders.isSampled(HEADER.replace("Sampled=1", "Sampled=10"))).isFalse();
        assertThat(TraceHeaders.isSampled("Root=1-6a1b2c3d-0123456789abcdef01234567;NotSampled=1")).isFalse();
        assertThat(TraceHeaders.isSampled(HEADER)).isTrue();
        assertThat(TraceHeaders.isSampled(HEADER.replace("Sampled=1", "Sampled=0"))).isFalse();
        assertThat(TraceHeaders.isSampled("Root=1-6a1b2c3d-0123456789abcdef01234567")).isFalse();
        assertThat(TraceHeaders.isSampled(null)).isFalse();
    }
}
