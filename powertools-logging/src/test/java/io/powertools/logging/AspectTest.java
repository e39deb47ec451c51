package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.handlers.AnnotatedHandler;
import io.powertools.logging.handlers.MalformedPathHandler;
import io.powertools.logging.handlers.PlainHandler;
import io.powertools.logging.handlers.SampledHandler;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.FakeContext;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AspectTest {

    @BeforeEach
    void clear() {
        LogLines.clear();
    }

    @Test
    void handlerClassIsReallyWoven() {
        Field[] fields = AnnotatedHandler.class.getDeclaredFields();
        assertThat(Arrays.stream(fields).map(Field::getName)).anyMatch(name -> name.startsWith("ajc$"));
    }

    @Test
    void aMalformedAnnotationFailsWhenTheHandlerIsConstructedNotAtTheFirstRequest() {
        assertThatThrownBy(MalformedPathHandler::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("headers.[broken");
    }

    @Test
    void handlersWithoutTheAnnotationAreNotTouched() {
        assertThat(new PlainHandler().handleRequest("x", FakeContext.create()))
                .isEqualTo("x");
        assertThat(LogLines.take()).isEmpty();
    }

    @Test
    void annotationLogsEventResponseCorrelationAndKeys() {
        String result = new AnnotatedHandler().handleRequest(Map.of("id", "evt-1"),
                FakeContext.builder().awsRequestId("a-1").build());

        assertThat(result).isEqualTo("done");
        List<JsonNode> lines = LogLines.take();
        assertThat(lines).extracting(line -> line.get("message").asText())
                .containsExactly("Handler Event", "handling", "Handler Response");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("function_request_id").asText()).isEqualTo("a-1");
            assertThat(line.get("correlation_id").asText()).isEqualTo("evt-1");
            assertThat(line.get("logger").asText()).isEqualTo(AnnotatedHandler.class.getName());
        });
        assertThat(lines.get(0).get("event").get("id").asText()).isEqualTo("evt-1");
        assertThat(lines.get(1).get("handler").asText()).isEqualTo("annotated");
        assertThat(lines.get(2).get("response").asText()).isEqualTo("done");
    }

    @Test
    void annotationLogsTheUncaughtExceptionOnceAndRethrowsIt() {
        assertThatThrownBy(() -> new AnnotatedHandler().handleRequest(Map.of("fail", true), FakeContext.create()))
                .isInstanceOf(IllegalStateException.class).hasMessage("asked to fail");
        List<JsonNode> errors = LogLines.filter(LogLines.take(), line -> line.has("error"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("error").get("name").asText()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void annotationSamplesDebug() {
        new SampledHandler().handleRequest("x", FakeContext.create());
        assertThat(LogLines.take()).extracting(line -> line.get("message").asText()).containsExactly("debug x");
    }
}
