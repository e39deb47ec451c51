package io.powertools.metrics;

import static io.powertools.metrics.testkit.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.metrics.handlers.AnnotatedHandler;
import io.powertools.metrics.handlers.StrictHandler;
import io.powertools.testing.EmfValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The annotation really woven into a test handler (ajc at test-compile time), writing to the real
 * standard output as it would on Lambda.
 */
class FlushMetricsAnnotationTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(original);
    }

    private List<JsonNode> blobs() {
        List<JsonNode> blobs = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                blobs.add(EmfValidator.requireValid(line));
            }
        }
        return blobs;
    }

    @Test
    void handlerClassIsWoven() {
        boolean woven = false;
        for (java.lang.reflect.Field field : AnnotatedHandler.class.getDeclaredFields()) {
            woven |= field.getName().startsWith("ajc$");
        }
        assertThat(woven).as("AnnotatedHandler carries AspectJ join point fields").isTrue();
    }

    @Test
    void annotatedHandlerFlushesItsMetricsWithTheAnnotationsOptions() {
        AnnotatedHandler handler = new AnnotatedHandler();
        assertThat(handler.handleRequest(Map.of("id", 7, "values", 3), context("ann-1"))).isEqualTo("ok-7");
        assertThat(handler.handleRequest(Map.of("id", 8, "values", 150), context("ann-2"))).isEqualTo("ok-8");

        List<JsonNode> blobs = blobs();
        List<JsonNode> regular = blobs.stream().filter(b -> b.has("Value")).toList();
        // ann-1: 1 blob; ann-2: 150 values, 2 blobs. The process-wide cold start may have been taken already.
        assertThat(regular).hasSize(3);
        assertThat(blobs.size() - regular.size()).isLessThanOrEqualTo(1);
        JsonNode first = regular.get(0);
        assertThat(first.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Annotated");
        assertThat(first.get("Service").asText()).isEqualTo("annotated-svc");
        assertThat(first.get("Caller").asText()).isEqualTo("annotated");
        assertThat(first.get("Value").toString()).isEqualTo("[7000,7001,7002]");
        assertThat(first.get("function_request_id").asText()).isEqualTo("ann-1");
        assertThat(regular.get(1).get("Value")).hasSize(100);
        assertThat(regular.get(2).get("Value")).hasSize(50);
        assertThat(regular.get(2).get("function_request_id").asText()).isEqualTo("ann-2");
    }

    @Test
    void failingAnnotatedHandlerStillFlushes() {
        AnnotatedHandler handler = new AnnotatedHandler();
        assertThatThrownBy(() -> handler.handleRequest(Map.of("id", 9, "fail", true), context("ann-fail")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requested failure");
        assertThat(blobs().stream().filter(b -> b.has("Value")))
                .singleElement().satisfies(b -> assertThat(b.get("Value").asInt()).isEqualTo(9000));
    }

    @Test
    void annotationOptionRaiseOnEmptyMetricsApplies() {
        assertThatThrownBy(() -> new StrictHandler().handle("e", context("strict")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("raiseOnEmptyMetrics");
    }
}
