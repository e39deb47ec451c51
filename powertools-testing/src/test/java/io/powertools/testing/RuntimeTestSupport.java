package io.powertools.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Shared helpers for the tests that drive a real runtime client. */
final class RuntimeTestSupport {

    static final String ECHO = "io.powertools.testing.handlers.EchoHandler::handleRequest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeTestSupport() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls the captured stdout until a line matches: the child's output arrives through a pipe,
     * possibly after the response. Bounded, so a missing line fails the test instead of hanging.
     */
    static List<String> awaitStdoutLine(LocalLambdaRuntime runtime, Predicate<String> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = runtime.stdoutLines();
        while (lines.stream().noneMatch(match) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            lines = runtime.stdoutLines();
        }
        return lines;
    }
}
