package io.powertools.snapstart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModulePrimingTest {

    @Test
    void aModuleThatIsNotOnTheClassPathIsNotPrimed() {
        ModulePriming absent = new ModulePriming("powertools-tracing", "io.powertools.tracing.Tracing") { };
        ModulePriming present = new ModulePriming("powertools-core", "io.powertools.core.Invocation") { };

        assertThat(absent.isAvailable()).isFalse();
        assertThat(present.isAvailable()).isTrue();
        assertThat(present.classLists()).containsExactly("META-INF/powertools/priming/powertools-core.classes");
    }
}
