package io.powertools.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.powertools.metrics.planted.PlantedViolations;
import org.junit.jupiter.api.Test;

/** Each rule fails on a planted violation: the rules can fail, so their passing means something. */
class PlantedViolationsTest {

    private static final JavaClasses PLANTED = new ClassFileImporter().importClasses(PlantedViolations.class);

    private static EvaluationResult evaluate(ArchRule rule) {
        return rule.evaluate(PLANTED);
    }

    @Test
    void aUtilityUsingAnotherUtilityIsReported() {
        EvaluationResult result = evaluate(ArchitectureRules.MODULES_DEPEND_ONLY_ON_CORE);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains("PlantedViolations.crossModule()").contains("io.powertools.logging.LogKeys"));
    }

    @Test
    void usingTheTestKitFromMainCodeIsReported() {
        EvaluationResult result = evaluate(ArchitectureRules.NOTHING_DEPENDS_ON_THE_TEST_KIT);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("io.powertools.testing.FakeContext"));
    }

    @Test
    void anInheritableThreadLocalIsReported() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_INHERITABLE_THREAD_LOCAL);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("InheritableThreadLocal"));
    }

    @Test
    void aStaticFieldThatIsNeitherFinalNorListedIsReported() {
        EvaluationResult result = evaluate(ArchitectureRules.STATIC_FIELDS_ARE_FINAL_OR_LISTED);

        assertThat(result.getFailureReport().getDetails()).containsExactly(
                "io.powertools.metrics.planted.PlantedViolations.invocations is static and not final");
    }

    @Test
    void anotherModulesInternalTypeIsReported() {
        EvaluationResult result = evaluate(ArchitectureRules.INTERNAL_STAYS_IN_ITS_MODULE);

        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains("io.powertools.logging.internal.Switches"));
        assertThat(result.getFailureReport().getDetails()).noneSatisfy(line -> assertThat(line)
                .contains("io.powertools.logging.LogKeys"));
    }
}
