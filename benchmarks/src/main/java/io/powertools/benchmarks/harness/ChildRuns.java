package io.powertools.benchmarks.harness;

import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.time.Duration;
import java.util.List;

/** Starts a variant in a fresh child JVM through {@link LocalLambdaRuntime} (the real runtime client). */
final class ChildRuns {

    /** The event every run sends. */
    static final String PAYLOAD = "{\"orderId\":\"o-77\",\"customer\":\"c-1\"}";

    private ChildRuns() {
    }

    static LocalLambdaRuntime start(Variant variant, Integer maxConcurrency, String... extraJvmArgs) {
        LocalLambdaRuntime.Builder builder = builder(variant).jvmArgs(extraJvmArgs);
        if (maxConcurrency != null) {
            builder.maxConcurrency(maxConcurrency);
        }
        return builder.start();
    }

    /** The settings every run shares: the variant's handler, class path and JVM arguments, the Lambda variables. */
    static LocalLambdaRuntime.Builder builder(Variant variant) {
        return LocalLambdaRuntime.builder()
                .handler(variant.handler())
                .classpath(variant.classpath())
                .functionName("benchmark")
                .environment("POWERTOOLS_SERVICE_NAME", "benchmark")
                .environment("POWERTOOLS_METRICS_NAMESPACE", "Benchmark")
                // As Lambda sets it for on-demand functions; Powertools 2.9.0 detects cold starts from it.
                .environment("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
                .startupTimeout(Duration.ofSeconds(60))
                .invocationTimeout(Duration.ofSeconds(60))
                .jvmArgs(variant.jvmArgs().toArray(String[]::new));
    }

    static void check(Variant variant, InvocationResult result) {
        if (!result.isSuccess()) {
            throw new IllegalStateException(variant.key() + " failed: " + result.error().orElse(null));
        }
    }

    /**
     * Fails unless the run wrote the handler's "Order accepted" line as JSON with the request id: a
     * variant whose logging was misconfigured (Log4j2's error-only default, say) would skip the very
     * work it is measured on and look fast.
     */
    static void checkLogged(Variant variant, List<String> stdout, InvocationResult result) {
        String requestId = result.request().requestId();
        boolean logged = stdout.stream().anyMatch(line -> line.startsWith("{") && line.contains("\"level\":\"INFO\"")
                && line.contains("\"message\":\"Order accepted\"") && line.contains(requestId));
        if (!logged) {
            throw new IllegalStateException(variant.key() + " did not log 'Order accepted' as a JSON line with request id "
                    + requestId + "; its output: " + stdout);
        }
    }

    static void check(Variant variant, List<InvocationResult> results) {
        results.forEach(result -> check(variant, result));
    }

    static InvocationRequest request() {
        return InvocationRequest.of(PAYLOAD);
    }
}
