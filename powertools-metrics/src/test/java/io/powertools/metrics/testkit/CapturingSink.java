package io.powertools.metrics.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.metrics.EmfSink;
import io.powertools.testing.EmfValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink that keeps every line and validates it with {@link EmfValidator} as it arrives, from the
 * bytes as written (size, UTF-8, strict JSON, the EMF rules; the timestamp window against the
 * sink's clock).
 * Every instance registers itself, and {@link EmfValidationExtension} fails any test during which
 * a sink received an invalid line, so no line a metrics test produces escapes validation.
 */
public final class CapturingSink implements EmfSink {

    private static final Queue<CapturingSink> ALL = new ConcurrentLinkedQueue<>();

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Queue<String> invalid = new ConcurrentLinkedQueue<>();
    private final Clock clock;

    /** Creates and registers a sink that checks timestamps against the system clock. */
    public CapturingSink() {
        this(Clock.systemUTC());
    }

    /**
     * Creates and registers a sink.
     *
     * @param clock the clock the function under test runs on: timestamps are checked against it
     */
    public CapturingSink(Clock clock) {
        this.clock = clock;
        ALL.add(this);
    }

    @Override
    public void write(byte[] line, int offset, int length) {
        String text = new String(line, offset, length, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            invalid.add("line does not end with a newline: " + shorten(text));
        }
        List<String> problems = EmfValidator.problems(line, offset, length, clock.instant());
        if (!problems.isEmpty()) {
            invalid.add(problems + " in " + shorten(text));
        }
        lines.add(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * The lines written so far, each checked valid.
     *
     * @return the lines without their newlines
     */
    public List<String> lines() {
        assertAllValid();
        return new ArrayList<>(lines);
    }

    /**
     * The lines parsed.
     *
     * @return one tree per line
     */
    public List<JsonNode> blobs() {
        List<JsonNode> blobs = new ArrayList<>();
        for (String line : lines()) {
            blobs.add(EmfValidator.parse(line)); // validated when written
        }
        return blobs;
    }

    /** Forgets the lines captured so far (after checking them). */
    public void clear() {
        assertAllValid();
        lines.clear();
    }

    /** @throws AssertionError when any line was invalid */
    public void assertAllValid() {
        if (!invalid.isEmpty()) {
            throw new AssertionError("Invalid EMF lines: " + invalid);
        }
    }

    private static String shorten(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    static void checkAndForgetAll() {
        List<CapturingSink> sinks = new ArrayList<>(ALL);
        ALL.clear();
        for (CapturingSink sink : sinks) {
            sink.assertAllValid();
        }
    }
}
