package io.powertools.snapstart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which classes' static fields the hazard check looks at. */
class HazardCheckScopeTest {

    @Test
    void inspectsTheFunctionsAndThirdPartyClasses() {
        assertThat(HazardCheck.inspects("com.example.OrderHandler")).isTrue();
        assertThat(HazardCheck.inspects("software.amazon.awssdk.core.SdkClient")).isTrue();
    }

    @Test
    void skipsTheJdkIoPowertoolsAndTheParsersItBundles() {
        assertThat(HazardCheck.inspects("java.util.UUID")).isFalse();
        assertThat(HazardCheck.inspects("io.powertools.core.Invocation")).isFalse();
        // Fixed format-marker UUIDs, identical by design in every environment.
        assertThat(HazardCheck.inspects("io.burt.jmespath.antlr.v4.runtime.atn.ATNDeserializer")).isFalse();
        assertThat(HazardCheck.inspects("org.antlr.v4.runtime.atn.ATNDeserializer")).isFalse();
    }
}
