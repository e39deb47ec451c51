package io.powertools.testing;

import static io.powertools.testing.RuntimeTestSupport.ECHO;
import static io.powertools.testing.RuntimeTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runtime client with AWS_LAMBDA_MAX_CONCURRENCY=8, as on Lambda Managed Instances. */
@Timeout(60)
class MultiConcurrencyRuntimeTest {

    private static LocalLambdaRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalLambdaRuntime.builder().handler(ECHO).maxConcurrency(8).start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void everyConcurrentInvocationSeesItsOwnRequestTraceAndTenant() {
        List<InvocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // A short sleep makes invocations overlap, so several handler threads must take part.
            requests.add(InvocationRequest.builder()
                    .payload("{\"index\":" + i + ",\"sleepMillis\":5}")
                    .tenantId("tenant-" + (i % 13))
                    .build());
        }

        List<InvocationResult> results = runtime.invokeAll(requests);

        assertThat(results).hasSize(200);
        Set<String> threads = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            InvocationRequest request = requests.get(i);
            InvocationResult result = results.get(i);
            assertThat(result.request()).isSameAs(request);
            JsonNode answer = json(result.response());
            assertThat(answer.get("requestId").asText()).isEqualTo(request.requestId());
            assertThat(answer.get("traceId").asText()).isEqualTo(request.traceId());
            assertThat(answer.get("tenantId").asText()).isEqualTo(request.tenantId().orElseThrow());
            assertThat(answer.get("event").get("index").asInt()).isEqualTo(i);
            threads.add(answer.get("thread").asText());
        }
        assertThat(threads).hasSizeGreaterThan(1).allMatch(name -> name.matches("pool-1-thread-[1-8]"));
        assertThat(results.stream().map(r -> r.request().traceId()).distinct()).hasSize(200);
    }

    @Test
    void theRuntimeClientAnnouncesItsHandlerThreads() {
        List<String> lines = RuntimeTestSupport.awaitStdoutLine(runtime,
                line -> line.contains("Starting 8 concurrent function handler threads."));
        assertThat(lines).anyMatch(line -> line.contains("Starting 8 concurrent function handler threads."));
    }

    @Test
    void anInvocationWithoutAnswerInTimeFailsWithTheReason() {
        InvocationRequest stuck = InvocationRequest.builder()
                .payload("{\"sleepMillis\":3000}")
                .timeout(Duration.ofMillis(200))
                .build();

        CompletableFuture<InvocationResult> future = runtime.invoke(stuck);

        assertThatThrownBy(future::join)
                .hasCauseInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("Invocation " + stuck.requestId() + " got no answer within PT0.2S");
        // The other handler threads keep serving.
        assertThat(runtime.invokeAndWait("{}").isSuccess()).isTrue();
    }
}
