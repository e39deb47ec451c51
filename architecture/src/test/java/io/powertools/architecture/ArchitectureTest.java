package io.powertools.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The library's main classes keep every design rule ({@link ArchitectureRules}). */
@AnalyzeClasses(packages = "io.powertools", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesDependOnlyOnCore = ArchitectureRules.MODULES_DEPEND_ONLY_ON_CORE;

    @ArchTest
    static final ArchRule nothingDependsOnTheTestKit = ArchitectureRules.NOTHING_DEPENDS_ON_THE_TEST_KIT;

    @ArchTest
    static final ArchRule noInheritableThreadLocal = ArchitectureRules.NO_INHERITABLE_THREAD_LOCAL;

    @ArchTest
    static final ArchRule staticFieldsAreFinalOrListed = ArchitectureRules.STATIC_FIELDS_ARE_FINAL_OR_LISTED;

    @ArchTest
    static final ArchRule internalStaysInItsModule = ArchitectureRules.INTERNAL_STAYS_IN_ITS_MODULE;
}
