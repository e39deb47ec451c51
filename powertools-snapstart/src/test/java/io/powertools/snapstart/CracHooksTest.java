package io.powertools.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.snapstart.fixtures.InitRecorder;
import io.powertools.testing.FakeContext;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.CheckpointException;
import org.crac.Core;
import org.crac.RestoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hooks run through org.crac for real (the test implementation selected by org.crac.Core.Compat). */
class CracHooksTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void isolate() {
        io.powertools.snapstart.testcrac.Core.reset();
        InitRecorder.STEPS.clear();
    }

    static ExecutionEnvironment snapStartEnvironment() {
        return ExecutionEnvironment.create(Environment.of(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
    }

    private SnapStart newSnapStart(ExecutionEnvironment environment) {
        return SnapStart.builder().executionEnvironment(environment).discoverLibraries(false).build();
    }

    @Test
    void runsTheDocumentedOrderBeforeCheckpointAndAfterRestore() throws Exception {
        ExecutionEnvironment environment = snapStartEnvironment();
        SnapStart snapStart = newSnapStart(environment);
        // Registered in an order that differs from the run order on purpose.
        snapStart.afterRestore("user after 1", () -> steps.add("after hook 1"))
                .beforeCheckpoint("user before 1", () -> steps.add("before hook 1"))
                .primeInvocations(InvokePriming.of("handler", (event, context) -> steps.add("invocation"), "e").times(2))
                .primeClasses(ClassList.of("test", List.of("io.powertools.snapstart.fixtures.PrimedByCracHooks")))
                .beforeCheckpoint("user before 2", () -> steps.add("before hook 2"))
                .afterRestore("user after 2", () -> steps.add("after hook 2"))
                .afterRestore("cold start seen by hooks", () -> steps.add("cold start taken: "
                        + environment.coldStart().isTaken()));
        RestoreScoped<String> value = snapStart.restoreScopedEager("value", () -> {
            steps.add("restore-scoped created");
            return "v";
        });
        steps.add("registered");
        snapStart.register();
        environment.coldStart().claim(); // an init-time invocation took the cold start

        Core.checkpointRestore();

        // Class priming happens inside the hook; its static initialiser records in InitRecorder.
        assertThat(InitRecorder.STEPS).containsExactly("class initialised by the CRaC hook");
        assertThat(steps).containsExactly("registered", "invocation", "invocation", "before hook 1", "before hook 2",
                "restore-scoped created", "after hook 1", "after hook 2", "cold start taken: false");
        assertThat(value.isInitialized()).isTrue();
    }

    @Test
    void resourcesFollowCracOrderBetweenRegistries() throws Exception {
        newSnapStart(snapStartEnvironment()).beforeCheckpoint("first", () -> steps.add("before first"))
                .afterRestore("first", () -> steps.add("after first")).register();
        newSnapStart(snapStartEnvironment()).beforeCheckpoint("second", () -> steps.add("before second"))
                .afterRestore("second", () -> steps.add("after second")).register();

        Core.checkpointRestore();

        assertThat(steps).containsExactly("before second", "before first", "after first", "after second");
    }

    @Test
    void failingBeforeCheckpointHookNamesItselfAndStopsTheLaterOnes() {
        newSnapStart(snapStartEnvironment())
                .beforeCheckpoint("warm cache", () -> steps.add("warm cache"))
                .beforeCheckpoint("load tenants", () -> {
                    throw new IllegalStateException("table missing");
                })
                .beforeCheckpoint("never", () -> steps.add("never"))
                .register();

        assertThatThrownBy(Core::checkpointRestore).isInstanceOf(CheckpointException.class)
                .satisfies(e -> {
                    assertThat(e.getSuppressed()).hasSize(1);
                    assertThat(e.getSuppressed()[0]).isInstanceOf(SnapStartHookException.class)
                            .hasMessage("SnapStart beforeCheckpoint hook 'load tenants' failed: "
                                    + "java.lang.IllegalStateException: table missing")
                            .hasCauseInstanceOf(IllegalStateException.class);
                    SnapStartHookException failure = (SnapStartHookException) e.getSuppressed()[0];
                    assertThat(failure.hookName()).isEqualTo("load tenants");
                    assertThat(failure.phase()).isEqualTo(HookPhase.BEFORE_CHECKPOINT);
                });
        assertThat(steps).containsExactly("warm cache");
    }

    @Test
    void failingAfterRestoreHookNamesItselfAndTheOthersStillRun() {
        ExecutionEnvironment environment = snapStartEnvironment();
        newSnapStart(environment)
                .afterRestore("reconnect", () -> {
                    throw new IllegalStateException("no route");
                })
                .afterRestore("refresh config", () -> {
                    throw new IllegalArgumentException("bad config");
                })
                .afterRestore("warm", () -> steps.add("warm"))
                .register();
        environment.coldStart().claim();

        assertThatThrownBy(Core::checkpointRestore).isInstanceOf(RestoreException.class)
                .satisfies(e -> {
                    Throwable failure = e.getSuppressed()[0];
                    assertThat(failure).hasMessageContaining("afterRestore hook 'reconnect' failed");
                    assertThat(failure.getSuppressed()).singleElement().satisfies(second ->
                            assertThat(second).hasMessageContaining("afterRestore hook 'refresh config' failed"));
                });
        assertThat(steps).containsExactly("warm");
        assertThat(environment.coldStart().isTaken()).as("the cold start reset ran before the failures").isFalse();
    }

    @Test
    void firstInvocationAfterRestoreIsTheColdStart() throws Exception {
        ExecutionEnvironment environment = snapStartEnvironment();
        SnapStart snapStart = newSnapStart(environment)
                .primeInvocations(InvokePriming.of("handler", (event, context) -> "ok", null));
        snapStart.register();
        // Something at init ran a real (non-priming) invocation and took the cold start.
        try (Invocation.Scope scope = environment.open(null, FakeContext.create())) {
            assertThat(scope.invocation().isColdStart()).isTrue();
        }

        Core.checkpointRestore();

        try (Invocation.Scope first = environment.open(null, FakeContext.create())) {
            assertThat(first.invocation().isColdStart()).isTrue();
        }
        try (Invocation.Scope second = environment.open(null, FakeContext.create())) {
            assertThat(second.invocation().isColdStart()).isFalse();
        }
    }

    @Test
    void hooksSurviveGarbageCollectionAlthoughCracHoldsResourcesWeakly() throws Exception {
        registerUnreferencedSnapStart();
        org.crac.Resource unreferenced = new org.crac.Resource() {
            @Override
            public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
                steps.add("raw resource");
            }

            @Override
            public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
            }
        };
        Core.getGlobalContext().register(unreferenced);
        WeakReference<Object> probe = new WeakReference<>(unreferenced);
        unreferenced = null;
        for (int i = 0; i < 50 && probe.get() != null; i++) {
            System.gc(); // bounded polling until the weakly held resource is gone
        }
        assertThat(probe.get()).as("the control resource was collected").isNull();

        Core.checkpointRestore();

        assertThat(steps).containsExactly("kept hook");
    }

    private void registerUnreferencedSnapStart() {
        newSnapStart(snapStartEnvironment()).beforeCheckpoint("kept", () -> steps.add("kept hook")).register();
    }

    @Test
    void reseedsRegisteredGeneratorsSoRestoredEnvironmentsDiffer() throws Exception {
        Random seededAtInit = new Random(42);
        newSnapStart(snapStartEnvironment()).reseedAfterRestore(seededAtInit).register();

        Core.checkpointRestore();

        long expectedWithoutReseed = new Random(42).nextLong();
        assertThat(seededAtInit.nextLong()).isNotEqualTo(expectedWithoutReseed);
    }

    @Test
    void registeringTwiceRegistersOnce() throws Exception {
        SnapStart snapStart = newSnapStart(snapStartEnvironment()).beforeCheckpoint("once", () -> steps.add("ran"));
        snapStart.register().register();

        Core.checkpointRestore();

        assertThat(snapStart.isRegistered()).isTrue();
        assertThat(steps).containsExactly("ran");
    }
}
