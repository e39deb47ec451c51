package io.powertools.testing;

import static io.powertools.testing.RuntimeTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The foundation's acceptance test: the core Invocation scope inside the real Lambda Java runtime
 * client, with 8 handler threads in one JVM as on Lambda Managed Instances.
 */
@Timeout(120)
class InvocationEndToEndTest {

    private static final String HANDLER = "io.powertools.testing.handlers.InvocationScopeHandler::handleRequest";
    private static final int INVOCATIONS = 240;

    @Test
    void everyInvocationSeesItsOwnRequestTraceAndTenantAndExactlyOneIsTheColdStart() {
        List<InvocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < INVOCATIONS; i++) {
            requests.add(InvocationRequest.builder()
                    .payload("{\"index\":" + i + "}")
                    .tenantId("tenant-" + (i % 7))
                    .build());
        }

        List<InvocationResult> results;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(HANDLER)
                .maxConcurrency(8)
                .start()) {
            results = runtime.invokeAll(requests);
        }

        int coldStarts = 0;
        Set<String> scratchDirectories = new HashSet<>();
        for (int i = 0; i < INVOCATIONS; i++) {
            InvocationRequest request = requests.get(i);
            JsonNode answer = json(results.get(i).response());
            assertThat(answer.get("requestId").asText()).isEqualTo(request.requestId());
            assertThat(answer.get("traceId").asText()).isEqualTo(request.traceId());
            assertThat(answer.get("tenantId").asText()).isEqualTo(request.tenantId().orElseThrow());
            assertThat(answer.get("multiConcurrent").asBoolean()).isTrue();
            JsonNode worker = answer.get("worker");
            assertThat(worker.get("requestId").asText()).as("the worker's invocation").isEqualTo(request.requestId());
            assertThat(worker.get("mark").asText()).isEqualTo(request.requestId());
            assertThat(worker.get("scratch").asText()).as("per-request /tmp file").isEqualTo(request.requestId());
            assertThat(answer.hasNonNull("leftOverBefore")).as("pooled handler thread kept an invocation").isFalse();
            assertThat(answer.hasNonNull("leftOverAfter")).isFalse();
            assertThat(answer.hasNonNull("requestId")).as("the null-checks above see real answers").isTrue();
            scratchDirectories.add(answer.get("scratchDirectory").asText());
            coldStarts += answer.get("coldStart").asBoolean() ? 1 : 0;
        }
        assertThat(coldStarts).isEqualTo(1);
        assertThat(scratchDirectories).hasSize(INVOCATIONS).allSatisfy(dir -> assertThat(Path.of(dir)).doesNotExist());
    }
}
