package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.config.ConfigurationException;
import io.powertools.core.config.Environment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionEnvironmentTest {

    @Test
    void readsTheProcessFactsOnceAtCreation() {
        ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of(
                "AWS_LAMBDA_MAX_CONCURRENCY", "16",
                "POWERTOOLS_SERVICE_NAME", "orders",
                "AWS_LAMBDA_FUNCTION_NAME", "orders-api")));
        assertThat(environment.maxConcurrency()).isEqualTo(16);
        assertThat(environment.isMultiConcurrent()).isTrue();
        assertThat(environment.serviceName()).isEqualTo("orders");
        assertThat(environment.functionName()).contains("orders-api");
    }

    @Test
    void becomesTenantAwareWithTheFirstInvocationThatCarriesATenantAndStaysSo() {
        ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));
        try (Invocation.Scope scope = environment.open("event", new TestContext("r-1", null, null, 1000))) {
            assertThat(environment.isTenantAware()).as("no tenant in the context").isFalse();
        }
        try (Invocation.Scope scope = environment.openPriming("event", new TestContext("p-1", null, "tenant-a", 1000))) {
            assertThat(environment.isTenantAware()).as("priming is not a real request").isFalse();
        }
        try (Invocation.Scope scope = environment.open("event", new TestContext("r-2", null, "tenant-a", 1000))) {
            assertThat(environment.isTenantAware()).isTrue();
        }
        assertThat(environment.isTenantAware()).as("after the invocation closed").isTrue();
        try (Invocation.Scope scope = environment.open("event", new TestContext("r-3", null, null, 1000))) {
            assertThat(environment.isTenantAware()).isTrue();
        }
        assertThat(ExecutionEnvironment.create(Environment.of(Map.of())).isTenantAware())
                .as("another environment").isFalse();
    }

    @Test
    void defaultsOutsideLambda() {
        ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));
        assertThat(environment.maxConcurrency()).isEqualTo(1);
        assertThat(environment.isMultiConcurrent()).isFalse();
        assertThat(environment.serviceName()).isEqualTo("service_undefined");
        assertThat(environment.functionName()).isEmpty();
    }

    @Test
    void invalidConcurrencyFailsAtCreationNamingTheVariable() {
        assertThatThrownBy(() -> ExecutionEnvironment.create(Environment.of(Map.of(
                "AWS_LAMBDA_MAX_CONCURRENCY", "many"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_LAMBDA_MAX_CONCURRENCY='many'");
    }

    @Test
    void environmentIsACopyTheCallerCannotChangeLater() {
        Map<String, String> variables = new HashMap<>(Map.of("POWERTOOLS_SERVICE_NAME", "before"));
        Environment env = Environment.of(variables);
        variables.put("POWERTOOLS_SERVICE_NAME", "after");
        assertThat(ExecutionEnvironment.create(env).serviceName()).isEqualTo("before");
    }
}
