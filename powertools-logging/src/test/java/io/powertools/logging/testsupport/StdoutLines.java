package io.powertools.logging.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.testing.LogLineValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures what the real pipeline writes to {@code System.out} (the {@code PowertoolsConsole}
 * appender of loggers named {@code stdout.*} in log4j2-test.xml looks the stream up at every write)
 * and checks every line in bytes exactly as written with {@link LogLineValidator}.
 */
public final class StdoutLines implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private StdoutLines() {
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    }

    /**
     * Starts capturing; close to put the original stream back.
     *
     * @return the capture
     */
    public static StdoutLines capture() {
        return new StdoutLines();
    }

    /**
     * Everything written so far, as bytes.
     *
     * @return the bytes
     */
    public byte[] bytes() {
        synchronized (written) {
            return written.toByteArray();
        }
    }

    /**
     * Takes the lines written since the last call, each validated as written (one strict JSON object,
     * within 256 KB, valid UTF-8, the layout's members).
     *
     * @return the parsed lines
     */
    public List<JsonNode> take() {
        byte[] all;
        synchronized (written) {
            all = written.toByteArray();
            written.reset();
        }
        List<JsonNode> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(LogLineValidator.requireValid(all, start, i + 1 - start));
                start = i + 1;
            }
        }
        if (start != all.length) {
            throw new AssertionError("output does not end with a line break: "
                    + new String(all, start, Math.min(300, all.length - start), StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
