package io.powertools.tracing;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;
import io.powertools.testing.FakeContext;
import io.powertools.testing.XRayDaemon;
import io.powertools.testing.XRayTraceHeader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Options and contexts for tests that send to a {@link XRayDaemon} stand-in. */
final class TracingTestSupport {

    final XRayDaemon daemon;
    final ByteArrayOutputStream reports = new ByteArrayOutputStream();
    final ExecutionEnvironment environment;

    TracingTestSupport(XRayDaemon daemon, Map<String, String> variables) {
        this.daemon = daemon;
        Map<String, String> all = new HashMap<>(variables);
        all.put("AWS_XRAY_DAEMON_ADDRESS", daemon.address());
        all.putIfAbsent("POWERTOOLS_SERVICE_NAME", "orders");
        this.environment = ExecutionEnvironment.create(Environment.of(all));
    }

    TracingOptions.Builder options() {
        return TracingOptions.builder().executionEnvironment(environment)
                .reportTo(new PrintStream(reports, true, StandardCharsets.UTF_8));
    }

    String reports() {
        return reports.toString(StandardCharsets.UTF_8);
    }

    static FakeContext context(XRayTraceHeader header) {
        return FakeContext.builder().awsRequestId(UUID.randomUUID().toString()).xrayTraceId(header.toString()).build();
    }
}
