package io.powertools.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a function printed to {@code System.out} while it ran in the test's own JVM: its log lines
 * and EMF blobs, as raw lines or as parsed objects, for plain unit tests that call a handler
 * directly (with a {@link FakeContext}) instead of through {@link LocalLambdaRuntime}.
 *
 * <p>Usually injected by {@link OutputCaptureExtension}; without JUnit:
 *
 * <pre>{@code
 * try (CapturedOutput output = CapturedOutput.start()) {
 *     handler.handleRequest(event, FakeContext.create());
 *     JsonNode line = output.logEvents().get(0);
 *     JsonNode blob = output.emfBlobs().get(0);
 * }
 * }</pre>
 *
 * <p>Every line is read the way the project's tests must read output, on its bytes as written: log
 * lines are checked with {@link LogLineValidator} (strict JSON, at most
 * {@value LogLineValidator#MAX_LINE_BYTES} bytes, the members every line has), EMF blobs with
 * {@link EmfValidator}. A line that breaks a rule fails the read with an {@link AssertionError}
 * naming the line; nothing is skipped silently.
 *
 * <p>It captures whatever looks up {@code System.out} when it writes: io.powertools' default
 * logging configuration, its EMF writer, {@code FakeContext}'s logger, Log4j2's
 * {@code Console} appender with {@code follow="true"}. What is captured does not reach the console
 * (a failing read quotes the line it is about; {@link #toString()} gives all of it).
 * {@code System.out} is one per JVM: do not capture in tests that run in parallel in the same JVM.
 */
public final class CapturedOutput implements AutoCloseable {

    private final PrintStream original;
    private final Recorder recorder;
    private final PrintStream capturing;
    private boolean closed;

    private CapturedOutput(PrintStream original) {
        this.original = original;
        this.recorder = new Recorder();
        this.capturing = new PrintStream(recorder, true, StandardCharsets.UTF_8);
    }

    /**
     * Starts capturing {@code System.out}. Close to put the previous stream back; captures nest
     * when closed in reverse order of starting (an inner capture takes the lines while it is open).
     *
     * @return the capture
     */
    public static CapturedOutput start() {
        CapturedOutput output = new CapturedOutput(System.out);
        System.setOut(output.capturing);
        return output;
    }

    /**
     * Returns every complete or partial line printed so far, without its newline, decoded as UTF-8.
     *
     * @return the lines, in the order they were written
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Line line : split()) {
            lines.add(line.text);
        }
        return lines;
    }

    /**
     * Returns the log lines, each checked with {@link LogLineValidator} on its bytes as written
     * and parsed: every line whose first member is {@code level}, as in io.powertools log lines. Other
     * text (a plain {@code println}) is left to {@link #lines()}.
     *
     * @return the log events, in order
     * @throws AssertionError naming every broken promise of the first invalid log line
     */
    public List<JsonNode> logEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (Line line : split()) {
            if (LogLineValidator.looksLikeLogLine(line.text)) {
                events.add(LogLineValidator.requireValid(line.bytes, line.offset, line.length));
            }
        }
        return events;
    }

    /**
     * Returns the EMF blobs, each checked with {@link EmfValidator} on its bytes as written and
     * parsed.
     *
     * @return the blobs, in order
     * @throws AssertionError naming every broken rule of the first invalid blob
     */
    public List<JsonNode> emfBlobs() {
        List<JsonNode> blobs = new ArrayList<>();
        for (Line line : split()) {
            if (EmfValidator.looksLikeEmf(line.text)) {
                List<String> problems = EmfValidator.problems(line.bytes, line.offset, line.length);
                if (!problems.isEmpty()) {
                    throw new AssertionError("Invalid EMF blob: " + problems + "\n" + WrittenLine.shorten(line.text));
                }
                blobs.add(StrictJson.parse(line.bytes, line.offset, line.length));
            }
        }
        return blobs;
    }

    /**
     * Returns everything printed so far, byte for byte.
     *
     * @return a copy of the captured bytes
     */
    public byte[] bytes() {
        return recorder.snapshot();
    }

    /** Forgets what was printed so far, e.g. the output of a warm-up call. */
    public void clear() {
        recorder.reset();
    }

    /** Puts the {@code System.out} back that was there when the capture started. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        capturing.flush();
        System.setOut(original);
    }

    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private List<Line> split() {
        capturing.flush();
        byte[] bytes = recorder.snapshot();
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new Line(bytes, start, i - start));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(new Line(bytes, start, bytes.length - start));
        }
        return lines;
    }

    /** One line of the captured bytes, newline excluded, and its text. */
    private static final class Line {
        final byte[] bytes;
        final int offset;
        final int length;
        final String text;

        Line(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            this.text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
    }

    /** Keeps every byte written, from any thread. */
    private static final class Recorder extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized byte[] snapshot() {
            return bytes.toByteArray();
        }

        synchronized void reset() {
            bytes.reset();
        }
    }
}
