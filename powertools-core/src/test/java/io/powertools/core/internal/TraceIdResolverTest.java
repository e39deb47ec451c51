package io.powertools.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.TestContext;
import io.powertools.core.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceIdResolverTest {

    private static final Environment WITH_ENV_TRACE = Environment.of(Map.of("_X_AMZN_TRACE_ID", "Root=env"));

    @AfterEach
    void clearProperty() {
        System.clearProperty("com.amazonaws.xray.traceHeader");
    }

    @Test
    void contextWinsOverEverythingElse() {
        System.setProperty("com.amazonaws.xray.traceHeader", "Root=property");
        TraceIdResolver resolver = new TraceIdResolver(WITH_ENV_TRACE, false);
        assertThat(resolver.resolve(new TestContext("r", "Root=context", null, 1))).isEqualTo("Root=context");
    }

    @Test
    void singleConcurrencyFallsBackToThePropertyThenTheVariable() {
        TraceIdResolver resolver = new TraceIdResolver(WITH_ENV_TRACE, false);
        TestContext noTrace = new TestContext("r", null, null, 1);
        assertThat(resolver.resolve(noTrace)).isEqualTo("Root=env");
        System.setProperty("com.amazonaws.xray.traceHeader", "Root=property");
        assertThat(resolver.resolve(noTrace)).isEqualTo("Root=property");
    }

    @Test
    void multiConcurrencyNeverReadsProcessWideValues() {
        System.setProperty("com.amazonaws.xray.traceHeader", "Root=property");
        TraceIdResolver resolver = new TraceIdResolver(WITH_ENV_TRACE, true);
        assertThat(resolver.resolve(new TestContext("r", null, null, 1))).isNull();
        assertThat(resolver.resolve(new TestContext("r", " ", null, 1))).isNull();
    }
}
