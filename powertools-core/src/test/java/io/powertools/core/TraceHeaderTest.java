package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.TraceHeader.Sampling;
import org.junit.jupiter.api.Test;

/** How a trace header from Lambda is read into root, parent and sampling decision. */
class TraceHeaderTest {

    @Test
    void aLambdaHeaderHasRootParentAndDecision() {
        TraceHeader header = TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        assertThat(header.root()).contains("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(header.parent()).contains("53995c3f42cd8ad8");
        assertThat(header.sampling()).isEqualTo(Sampling.SAMPLED);
        assertThat(header.isSampled()).isTrue();
    }

    @Test
    void partsMayComeInAnyOrderAndUnknownPartsAreIgnored() {
        TraceHeader header = TraceHeader.parse("Sampled=0;Lineage=a87bd80c:0; Root=1-5759e988-bd862e3fe1be46a994272793 ;Parent=53995c3f42cd8ad8");

        assertThat(header.root()).contains("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(header.parent()).contains("53995c3f42cd8ad8");
        assertThat(header.sampling()).isEqualTo(Sampling.NOT_SAMPLED);
        assertThat(header.isSampled()).isFalse();
    }

    @Test
    void anUndecidedOrMissingDecisionIsUnknownAndNotSampled() {
        assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=?").sampling()).isEqualTo(Sampling.UNKNOWN);
        TraceHeader noDecision = TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793");
        assertThat(noDecision.sampling()).isEqualTo(Sampling.UNKNOWN);
        assertThat(noDecision.isSampled()).isFalse();
        assertThat(noDecision.parent()).isEmpty();
    }

    @Test
    void aBareRootIdIsTheRoot() {
        assertThat(TraceHeader.rootOf("1-5759e988-bd862e3fe1be46a994272793")).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(TraceHeader.parse("1-5759e988-bd862e3fe1be46a994272793").parent()).isEmpty();
    }

    @Test
    void nothingIsReadFromNothing() {
        for (String header : new String[] {null, "", "  ", "Parent=53995c3f42cd8ad8", "Root=;Sampled=1", "=x;;"}) {
            assertThat(TraceHeader.rootOf(header)).as(String.valueOf(header)).isNull();
        }
        assertThat(TraceHeader.parse(null).sampling()).isEqualTo(Sampling.UNKNOWN);
    }
}
