package io.powertools.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;

/**
 * The design rules that keep io.powertools correct when one JVM serves many invocations at once,
 * written as ArchUnit rules over the main classes of the published modules. A module is the package
 * segment after {@code io.powertools} ({@code logging}, {@code metrics}, {@code core}...).
 */
final class ArchitectureRules {

    private static final String ROOT = "io.powertools.";

    /**
     * Static fields that are not final, each with the reason it may exist. Everything else static
     * is final: shared state that concurrent invocations could race on has to be argued for here.
     */
    static final Map<String, String> STATIC_STATE = Map.of(
            "io.powertools.idempotency.Idempotency.configured",
            "the instance Idempotency.configure(..) installs at init for @Idempotent; volatile, written once",
            "io.powertools.idempotency.internal.DefaultEngine.engine",
            "the engine behind the configured instance; volatile, replaced only by configure(..)",
            "io.powertools.logging.LoggingRuntime.instance",
            "the process's logging runtime, created once from the environment; volatile",
            "io.powertools.logging.internal.PersistentKeys.keys",
            "keys meant for every invocation (LogKeys.appendPersistentKey); volatile, copy-on-write",
            "io.powertools.logging.internal.Switches.sampling",
            "whether any invocation samples DEBUG, so unsampled lines skip work; volatile flag",
            "io.powertools.metrics.internal.MetricsConfig.lastDefaults",
            "the configuration last resolved from the environment; volatile, recomputing it is harmless");

    /** Utilities never depend on each other; every module may depend on core, and only on core. */
    static final ArchRule MODULES_DEPEND_ONLY_ON_CORE = classes().that().resideInAPackage("io.powertools..")
            .should(new ArchCondition<>("depend on no other io.powertools module than core") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = module(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String to = module(dependency.getTargetClass());
                        if (to != null && !to.equals(from) && !to.equals("core")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("utilities meet only in the Invocation (docs/ARCHITECTURE.md)");

    /** The test kit is for tests: no main class of another module uses it. */
    static final ArchRule NOTHING_DEPENDS_ON_THE_TEST_KIT = noClasses().that().resideOutsideOfPackage("io.powertools.testing..")
            .should().dependOnClassesThat().resideInAPackage("io.powertools.testing..")
            .because("powertools-testing is a test-scope dependency");

    /** Per-request state lives in the Invocation, not in values a new thread inherits. */
    static final ArchRule NO_INHERITABLE_THREAD_LOCAL = noClasses().that().resideInAPackage("io.powertools..")
            .should().dependOnClassesThat().areAssignableTo(InheritableThreadLocal.class)
            .because("threads are pooled: an inherited value belongs to whichever invocation created the thread");

    /** Every static field is final, or listed in {@link #STATIC_STATE} with its reason. */
    static final ArchRule STATIC_FIELDS_ARE_FINAL_OR_LISTED = fields().that().areStatic()
            .and().areDeclaredInClassesThat().resideInAPackage("io.powertools..")
            .should(new ArchCondition<>("be final, or be listed with a reason in ArchitectureRules.STATIC_STATE") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    boolean isFinal = field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL);
                    String name = field.getOwner().getName() + "." + field.getName();
                    if (!isFinal && !field.getName().startsWith("$") && !field.getName().startsWith("ajc$")
                            && !STATIC_STATE.containsKey(name)) {
                        events.add(SimpleConditionEvent.violated(field, name + " is static and not final"));
                    }
                }
            })
            .because("every static is shared by concurrent invocations");

    /** Types in an {@code internal} package are used by their own module only. */
    static final ArchRule INTERNAL_STAYS_IN_ITS_MODULE = classes().that().resideInAPackage("io.powertools..")
            .should(new ArchCondition<>("use no other module's internal types") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = module(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        String to = module(target);
                        if (to != null && !to.equals(from) && target.getPackageName().contains(".internal")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("internal is not API: modules meet through core's public types and SPI");

    private ArchitectureRules() {
    }

    /** The module a class belongs to, or null outside io.powertools. */
    static String module(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        String name = base.getName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        int end = name.indexOf('.', ROOT.length());
        return end < 0 ? null : name.substring(ROOT.length(), end);
    }
}
