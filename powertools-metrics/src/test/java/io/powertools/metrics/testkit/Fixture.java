package io.powertools.metrics.testkit;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;
import io.powertools.metrics.MetricsOptions;
import io.powertools.testing.FakeContext;
import java.util.HashMap;
import java.util.Map;

/** Test setup: an isolated execution environment, a capturing sink and contexts. */
public final class Fixture {

    private final ExecutionEnvironment environment;
    private final CapturingSink sink = new CapturingSink();

    private Fixture(Map<String, String> variables) {
        this.environment = ExecutionEnvironment.create(Environment.of(variables));
    }

    /**
     * A fixture whose environment holds the given variables (pairs of name, value) and nothing else.
     *
     * @param pairs names and values
     * @return the fixture
     */
    public static Fixture withEnv(String... pairs) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return new Fixture(variables);
    }

    /** @return the isolated execution environment */
    public ExecutionEnvironment environment() {
        return environment;
    }

    /** @return the sink every options builder of this fixture writes to */
    public CapturingSink sink() {
        return sink;
    }

    /** @return an options builder bound to this fixture's environment and sink */
    public MetricsOptions.Builder options() {
        return MetricsOptions.builder().executionEnvironment(environment).sink(sink);
    }

    /**
     * A context for one request.
     *
     * @param requestId the request id
     * @return the context, with trace id {@code Root=1-trace-<requestId>}
     */
    public static Context context(String requestId) {
        return FakeContext.builder().awsRequestId(requestId).functionName("test-function")
                .xrayTraceId("Root=1-5759e988-" + requestId).build();
    }
}
