package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.config.Environment;
import io.powertools.core.config.InitializationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColdStartTest {

    private static ExecutionEnvironment environment(String initializationType) {
        return ExecutionEnvironment.create(initializationType == null
                ? Environment.of(Map.of())
                : Environment.of(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType)));
    }

    private static boolean invoke(ExecutionEnvironment environment) {
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            return scope.invocation().isColdStart();
        }
    }

    @Test
    void exactlyOneOfManySimultaneousFirstInvocationsIsTheColdStart() throws Exception {
        ExecutionEnvironment environment = environment("on-demand");
        int threads = 64;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return invoke(environment);
                }));
            }
            int coldStarts = 0;
            for (Future<Boolean> result : results) {
                coldStarts += result.get() ? 1 : 0;
            }
            assertThat(coldStarts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"on-demand", "snap-start", "lambda-managed-instances", "something-new"})
    void firstInvocationIsTheColdStart(String type) {
        ExecutionEnvironment environment = environment(type);
        assertThat(invoke(environment)).isTrue();
        assertThat(invoke(environment)).isFalse();
    }

    @Test
    void absentTypeMeansOnDemand() {
        ExecutionEnvironment environment = environment(null);
        assertThat(environment.initializationType()).isEqualTo(InitializationType.ON_DEMAND);
        assertThat(invoke(environment)).isTrue();
    }

    @Test
    void provisionedConcurrencyNeverReportsAColdStart() {
        ExecutionEnvironment environment = environment("provisioned-concurrency");
        assertThat(invoke(environment)).isFalse();
        assertThat(invoke(environment)).isFalse();
    }

    @Test
    void primingInvocationsLeaveTheColdStartToTheFirstRealInvocation() {
        ExecutionEnvironment environment = environment("snap-start");
        for (int i = 0; i < 3; i++) {
            try (Invocation.Scope scope = environment.openPriming("dummy", TestContext.random())) {
                assertThat(scope.invocation().isPriming()).isTrue();
                assertThat(scope.invocation().isColdStart()).isFalse();
            }
        }
        assertThat(invoke(environment)).isTrue();
        assertThat(invoke(environment)).isFalse();
    }

    @Test
    void resetMakesTheNextInvocationAColdStartAgain() {
        ExecutionEnvironment environment = environment("snap-start");
        assertThat(invoke(environment)).isTrue();
        environment.coldStart().reset();
        assertThat(invoke(environment)).isTrue();
        assertThat(invoke(environment)).isFalse();
    }
}
