package io.powertools.snapstart;

import io.powertools.core.priming.PrimingContributor;
import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.snapstart.internal.Contributors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library modules prime themselves: their contributors are found and their shipped lists still load. */
class LibraryPrimingTest {

    @Test
    void everyModuleOnTheClassPathContributesItsPriming() {
        List<String> names = Contributors.discover(getClass().getClassLoader()).stream()
                .map(PrimingContributor::name).toList();

        assertThat(names).containsExactly("powertools-batch", "powertools-core", "powertools-idempotency",
                "powertools-logging", "powertools-metrics");
    }

    @Test
    void shippedClassListsLoadCompletelyAndContributorsRunWithoutSideEffects() throws Exception {
        int listed = 0;
        for (PrimingContributor contributor : Contributors.discover(getClass().getClassLoader())) {
            for (String resource : contributor.classLists()) {
                listed += ClassList.fromResource(resource, getClass().getClassLoader()).size();
            }
        }
        SnapStart snapStart = SnapStart.builder().executionEnvironment(CracHooksTest.snapStartEnvironment()).build();

        PrimingSummary summary = snapStart.runBeforeCheckpoint();

        assertThat(summary.classesNotLoaded()).as("stale entries in the shipped lists").isEmpty();
        assertThat(summary.classesLoaded()).isEqualTo(listed).isGreaterThan(1000);
    }
}
