package io.powertools.testing;

import static io.powertools.testing.RuntimeTestSupport.ECHO;
import static io.powertools.testing.RuntimeTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One runtime client in single-concurrency mode, shared by the tests of this class. */
@Timeout(60)
class LocalLambdaRuntimeTest {

    private static LocalLambdaRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalLambdaRuntime.builder()
                .handler(ECHO)
                .functionName("orders")
                .memorySize(1024)
                .environment("ECHO_CUSTOM", "custom-value")
                .invocationTimeout(Duration.ofSeconds(20))
                .start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void roundTripCarriesPayloadAndRequestMetadata() {
        InvocationRequest request = InvocationRequest.builder()
                .payload("{\"orderId\":42}")
                .requestId("req-round-trip")
                .traceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                .tenantId("tenant-a")
                .build();

        InvocationResult result = runtime.invokeAndWait(request);

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.request()).isSameAs(request);
        JsonNode answer = json(result.response());
        assertThat(answer.get("requestId").asText()).isEqualTo("req-round-trip");
        assertThat(answer.get("traceId").asText())
                .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(answer.get("tenantId").asText()).isEqualTo("tenant-a");
        assertThat(answer.get("thread").asText()).isEqualTo("main");
        assertThat(answer.get("event").get("orderId").asInt()).isEqualTo(42);
        assertThat(answer.get("functionName").asText()).isEqualTo("orders");
        assertThat(answer.get("memory").asInt()).isEqualTo(1024);
        assertThat(answer.get("invokedFunctionArn").asText()).endsWith(":function:orders");
        assertThat(answer.get("customEnv").asText()).isEqualTo("custom-value");
        assertThat(answer.get("initializationType").asText()).as("set as Lambda sets it").isEqualTo("on-demand");
        assertThat(answer.get("remainingMillis").asLong()).isPositive().isLessThanOrEqualTo(20_000);
        assertThat(result.error()).isEmpty();
    }

    @Test
    void defaultRequestsGetFreshIdsAndNoTenant() {
        InvocationResult first = runtime.invokeAndWait("{}");
        InvocationResult second = runtime.invokeAndWait("{}");

        JsonNode answer = json(first.response());
        assertThat(answer.get("requestId").asText()).isEqualTo(first.request().requestId());
        assertThat(answer.get("traceId").asText()).isEqualTo(first.request().traceId())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1");
        assertThat(answer.has("tenantId")).as("tenant id absent: %s", answer).isFalse();
        assertThat(second.request().requestId()).isNotEqualTo(first.request().requestId());
        assertThat(second.request().traceId()).isNotEqualTo(first.request().traceId());
    }

    @Test
    void handlerExceptionComesBackAsFunctionError() {
        InvocationResult result = runtime.invokeAndWait("{\"fail\":true,\"orderId\":7}");

        assertThat(result.isSuccess()).isFalse();
        FunctionError error = result.error().orElseThrow();
        assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.errorMessage()).isEqualTo("order 7 is broken");
        assertThat(json(error.rawBody()).get("stackTrace").toString()).contains("EchoHandler.handleRequest");
        assertThatThrownBy(result::response)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(result.request().requestId())
                .hasMessageContaining("java.lang.IllegalStateException: order 7 is broken");
    }

    @Test
    void runtimeKeepsServingAfterAHandlerError() {
        runtime.invokeAndWait("{\"fail\":true}");

        assertThat(runtime.invokeAndWait("{\"orderId\":8}").isSuccess()).isTrue();
    }

    @Test
    void stdoutOfTheFunctionIsCaptured() {
        InvocationResult result = runtime.invokeAndWait("{}");

        String expected = "echo-handler request " + result.request().requestId();
        List<String> lines = RuntimeTestSupport.awaitStdoutLine(runtime, line -> line.contains(expected));
        assertThat(lines).anyMatch(line -> line.contains(expected));
    }

    @Test
    void invokeAllReturnsResultsInRequestOrder() {
        List<InvocationRequest> requests = IntStream.range(0, 10)
                .mapToObj(i -> InvocationRequest.of("{\"index\":" + i + "}"))
                .collect(Collectors.toList());

        List<InvocationResult> results = runtime.invokeAll(requests);

        assertThat(results).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(results.get(i).request()).isSameAs(requests.get(i));
            assertThat(json(results.get(i).response()).get("event").get("index").asInt()).isEqualTo(i);
        }
    }

    @Test
    void largePayloadsRoundTrip() {
        String big = "x".repeat(300_000);

        InvocationResult result = runtime.invokeAndWait("{\"blob\":\"" + big + "\"}");

        assertThat(json(result.response()).get("event").get("blob").asText()).isEqualTo(big);
    }

    @Test
    void aRequestIdStillUnansweredCannotBeReused() {
        InvocationRequest slow = InvocationRequest.builder().requestId("dup-id")
                .payload("{\"sleepMillis\":500}").build();
        InvocationRequest duplicate = InvocationRequest.builder().requestId("dup-id").build();

        CompletableFuture<InvocationResult> first = runtime.invoke(slow);
        CompletableFuture<InvocationResult> second = runtime.invoke(duplicate);

        assertThat(first.join().isSuccess()).isTrue();
        assertThatThrownBy(second::join)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dup-id is already queued or running");
    }

    @Test
    void exposesTheChildAndItsAddress() {
        assertThat(runtime.childProcess().isAlive()).isTrue();
        assertThat(runtime.runtimeApiAddress()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(runtime.restoreCount()).isZero();
    }
}
