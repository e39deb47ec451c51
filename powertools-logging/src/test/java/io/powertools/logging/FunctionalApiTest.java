package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.config.ConfigurationException;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class FunctionalApiTest {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionalApiTest.class);

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @Test
    void logsEventAndResponseAsJson() {
        RequestHandler<Map<String, Object>, Map<String, Object>> handler = PowertoolsLogging.decorate(
                (event, context) -> Map.of("status", "ok"),
                LoggingOptions.builder().logEvent(true).logResponse(true).build());

        Map<String, Object> response = handler.handleRequest(Map.of("orderId", 42), FakeContext.create());

        assertThat(response).containsEntry("status", "ok");
        List<JsonNode> lines = LogLines.take();
        JsonNode event = LogLines.withMessage(lines, "Handler Event").get(0);
        assertThat(event.get("event").get("orderId").asInt()).isEqualTo(42);
        assertThat(event.get("function_request_id")).isNotNull();
        JsonNode logged = LogLines.withMessage(lines, "Handler Response").get(0);
        assertThat(logged.get("response").get("status").asText()).isEqualTo("ok");
    }

    @Test
    void theDecoratorsLinesOfALambdaHandlerAreLoggedUnderItsDeclaringClassOnEveryJvm() {
        RequestHandler<String, String> handler = PowertoolsLogging.decorate((event, context) -> "ok",
                LoggingOptions.builder().logEvent(true).build());

        handler.handleRequest("e", FakeContext.create());

        JsonNode event = LogLines.withMessage(LogLines.take(), "Handler Event").get(0);
        assertThat(event.get("logger").asText()).isEqualTo(FunctionalApiTest.class.getName());
    }

    @Test
    void uncaughtExceptionIsLoggedOnceAndRethrownUnchanged() {
        IllegalStateException failure = new IllegalStateException("no stock");
        RequestHandler<String, String> inner = PowertoolsLogging.decorate((event, context) -> {
            throw failure;
        }, LoggingOptions.builder().logError(true).build());
        // Nested decorators (e.g. a decorated helper) must not log the same failure twice.
        RequestHandler<String, String> outer = PowertoolsLogging.decorate(inner,
                LoggingOptions.builder().logError(true).build());

        assertThatThrownBy(() -> outer.handleRequest("x", FakeContext.create())).isSameAs(failure);

        List<JsonNode> errors = LogLines.filter(LogLines.take(), line -> line.has("error"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("level").asText()).isEqualTo("ERROR");
        assertThat(errors.get(0).get("error").get("message").asText()).isEqualTo("no stock");
    }

    @Test
    void checkedExceptionPassesThroughWithLogging() {
        Exception failure = new java.io.IOException("disk");
        assertThatThrownBy(() -> PowertoolsLogging.withLogging("e", FakeContext.create(),
                LoggingOptions.builder().logError(true).build(), () -> {
                    throw failure;
                })).isSameAs(failure);
        assertThat(LogLines.filter(LogLines.take(), line -> line.has("error"))).hasSize(1);
    }

    @Test
    void withoutLogErrorTheExceptionIsNotLogged() {
        assertThatThrownBy(() -> PowertoolsLogging.withLogging("e", FakeContext.create(),
                LoggingOptions.builder().logError(false).build(), () -> {
                    throw new IllegalArgumentException("bad");
                })).hasMessage("bad");
        assertThat(LogLines.take()).isEmpty();
    }

    @Test
    void correlationIdFromCustomPathIsOnEveryLineOfTheInvocation() {
        RequestHandler<Map<String, Object>, String> handler = PowertoolsLogging.decorate((event, context) -> {
            LOG.info("working");
            return PowertoolsLogging.correlationId().orElse("none");
        }, LoggingOptions.builder().correlationIdPath("detail.orderRef").build());

        String id = handler.handleRequest(Map.of("detail", Map.of("orderRef", "o-77")), FakeContext.create());

        assertThat(id).isEqualTo("o-77");
        assertThat(LogLines.withMessage(LogLines.take(), "working").get(0).get("correlation_id").asText())
                .isEqualTo("o-77");
        LOG.info("after");
        assertThat(LogLines.take().get(0).has("correlation_id")).isFalse();
    }

    @Test
    void builtInCorrelationPathsFindTheIdInTheirEvents() {
        assertThat(correlationOf(CorrelationIdPaths.API_GATEWAY_REST,
                Map.of("requestContext", Map.of("requestId", "rest-1")))).isEqualTo("rest-1");
        assertThat(correlationOf(CorrelationIdPaths.API_GATEWAY_HTTP,
                Map.of("requestContext", Map.of("requestId", "http-1")))).isEqualTo("http-1");
        assertThat(correlationOf(CorrelationIdPaths.LAMBDA_FUNCTION_URL,
                Map.of("requestContext", Map.of("requestId", "url-1")))).isEqualTo("url-1");
        assertThat(correlationOf(CorrelationIdPaths.APPLICATION_LOAD_BALANCER,
                Map.of("headers", Map.of("x-amzn-trace-id", "Root=1-alb")))).isEqualTo("Root=1-alb");
        assertThat(correlationOf(CorrelationIdPaths.EVENT_BRIDGE, Map.of("id", "eb-1"))).isEqualTo("eb-1");
        assertThat(correlationOf(CorrelationIdPaths.APPSYNC_RESOLVER,
                Map.of("request", Map.of("headers", Map.of("x-amzn-trace-id", "Root=1-as"))))).isEqualTo("Root=1-as");
        assertThat(correlationOf(CorrelationIdPaths.APPSYNC_AUTHORIZER,
                Map.of("requestContext", Map.of("requestId", "auth-1")))).isEqualTo("auth-1");
        assertThat(correlationOf(CorrelationIdPaths.S3_OBJECT_LAMBDA, Map.of("xAmzRequestId", "s3-1")))
                .isEqualTo("s3-1");
        assertThat(correlationOf(CorrelationIdPaths.VPC_LATTICE,
                Map.of("headers", Map.of("x-amzn-trace-id", "Root=1-vl")))).isEqualTo("Root=1-vl");
    }

    @Test
    void missingCorrelationIdLeavesTheKeyOut() {
        assertThat(correlationOf(CorrelationIdPaths.EVENT_BRIDGE, Map.of("other", 1))).isEqualTo("none");
        assertThat(LogLines.take()).allSatisfy(line -> assertThat(line.has("correlation_id")).isFalse());
    }

    @Test
    void malformedCorrelationPathFailsAtInit() {
        assertThatThrownBy(() -> LoggingOptions.builder().correlationIdPath("a.[").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("a.[");
    }

    @Test
    void invalidSamplingRateFailsAtInit() {
        assertThatThrownBy(() -> LoggingOptions.builder().samplingRate(1.5))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("1.5");
    }

    @Test
    void setCorrelationIdManually() {
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.defaults(), () -> {
            PowertoolsLogging.setCorrelationId("manual-1");
            LOG.info("with id");
            return null;
        });
        assertThat(LogLines.take().get(0).get("correlation_id").asText()).isEqualTo("manual-1");
    }

    @Test
    void unserializableEventIsLoggedAsPlaceholderAndTheHandlerStillRuns() {
        SelfReferencing event = new SelfReferencing();
        String result = PowertoolsLogging.withLogging(event, FakeContext.create(),
                LoggingOptions.builder().logEvent(true).build(), () -> "ran");

        assertThat(result).isEqualTo("ran");
        JsonNode line = LogLines.withMessage(LogLines.take(), "Handler Event").get(0);
        assertThat(line.get("event").isTextual()).isTrue();
        assertThat(line.get("event").asText()).contains(SelfReferencing.class.getName())
                .contains("could not be serialized");
    }

    @Test
    void clearStateClearsTheMdcOfThePooledThread() {
        PowertoolsLogging.withLogging(null, FakeContext.create(), LoggingOptions.builder().clearState(true).build(),
                () -> {
                    MDC.put("user", "u-1");
                    LOG.info("with mdc");
                    return null;
                });
        assertThat(ThreadContext.isEmpty()).isTrue();
        assertThat(LogLines.take().get(0).get("user").asText()).isEqualTo("u-1");
    }

    @Test
    void streamHandlerGetsTheWholeInputAndTheEventIsLogged() throws Exception {
        RequestStreamHandler handler = PowertoolsLogging.decorate((input, output, context) -> {
            output.write(input.readAllBytes());
        }, LoggingOptions.builder().logEvent(true).correlationIdPath(CorrelationIdPaths.EVENT_BRIDGE).build());
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream("{\"id\":\"s-1\",\"n\":1}".getBytes(StandardCharsets.UTF_8)),
                output, FakeContext.create());

        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"s-1\",\"n\":1}");
        JsonNode line = LogLines.withMessage(LogLines.take(), "Handler Event").get(0);
        assertThat(line.get("event").get("n").asInt()).isEqualTo(1);
        assertThat(line.get("correlation_id").asText()).isEqualTo("s-1");
    }

    private static String correlationOf(String path, Map<String, Object> event) {
        return PowertoolsLogging.withLogging(event, FakeContext.create(),
                LoggingOptions.builder().correlationIdPath(path).build(),
                () -> PowertoolsLogging.correlationId().orElse("none"));
    }

    /** Jackson cannot serialise a cycle. */
    public static final class SelfReferencing {
        public SelfReferencing getSelf() {
            return this;
        }
    }
}
