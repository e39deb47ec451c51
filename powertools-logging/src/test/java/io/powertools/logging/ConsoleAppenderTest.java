package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.internal.LineWriter;
import io.powertools.logging.log4j.PowertoolsConsole;
import io.powertools.testing.LogLineValidator;
import io.powertools.testing.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Log lines and EMF blobs share stdout. PowertoolsConsole must hand every line to System.out in one
 * write, so a blob written by a concurrent invocation (one System.out write) can never land inside it.
 */
class ConsoleAppenderTest {

    private static final String LARGE = "x".repeat(20_000);

    @Test
    void aLineFarLargerThanLog4jsBufferReachesStdoutInOneWrite() {
        List<byte[]> writes = Collections.synchronizedList(new ArrayList<>());
        withConsoleLogger(recordingWrites(writes), logger -> logger.info(LARGE));

        assertThat(writes).hasSize(1);
        JsonNode line = LogLineValidator.requireValid(writes.get(0), 0, writes.get(0).length);
        assertThat(line.get("message").asText()).isEqualTo(LARGE);
    }

    @Test
    void largeLinesAndConcurrentEmfBlobsNeverInterleave() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int threads = 8;
        int perThread = 40;
        withConsoleLogger(captured, logger -> {
            ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
            CyclicBarrier start = new CyclicBarrier(threads * 2);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            logger.info("line {} {} {}", thread, i, LARGE);
                        }
                        return null;
                    }));
                    work.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            // What powertools-metrics' stdout sink does: one whole line, one write.
                            byte[] blob = ("{\"_aws\":{\"Timestamp\":1},\"thread\":" + thread + ",\"i\":" + i + "}\n")
                                    .getBytes(StandardCharsets.UTF_8);
                            System.out.write(blob, 0, blob.length);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : work) {
                    future.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdownNow();
            }
        });

        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        int logLines = 0;
        int blobs = 0;
        for (String line : lines) {
            JsonNode json = line.startsWith("{\"_aws\"") ? StrictJson.parse(line) : LogLineValidator.requireValid(line);
            if (json.has("_aws")) {
                blobs++;
            } else {
                assertThat(json.get("message").asText()).endsWith(LARGE);
                logLines++;
            }
        }
        assertThat(logLines).isEqualTo(threads * perThread);
        assertThat(blobs).isEqualTo(threads * perThread);
    }

    @Test
    void aLineOfAnotherLayoutOverCloudWatchsLimitIsWrittenAsTheBoundedPowertoolsLine() {
        // JSON Template Layout cuts each string at 65,536 characters, but control characters take
        // 6 bytes each once escaped: this message would give a line of about 390 KB.
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            controls.append((char) (i % 0x20));
        }
        List<byte[]> writes = Collections.synchronizedList(new ArrayList<>());
        withConsoleLogger(recordingWrites(writes), logger -> logger.info(controls.toString()));

        assertThat(writes).hasSize(1);
        byte[] line = writes.get(0);
        JsonNode parsed = LogLineValidator.requireValid(line, 0, line.length);
        assertThat(parsed.get("message").asText()).startsWith("\u0000\u0001").endsWith(LineWriter.TRUNCATED_SUFFIX);
        assertThat(parsed.get("logger").asText()).isEqualTo("console-test");
    }

    @Test
    void anUnknownTargetIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> PowertoolsConsole.createAppender("Stdout", "FILE", null, null))
                .hasMessageContaining("target='FILE' is not valid: use SYSTEM_OUT or SYSTEM_ERR");
    }

    private static OutputStream recordingWrites(List<byte[]> writes) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                byte[] copy = new byte[length];
                System.arraycopy(bytes, offset, copy, 0, length);
                writes.add(copy);
            }
        };
    }

    /** Runs the body with System.out redirected and a logger wired to a PowertoolsConsole appender. */
    private static void withConsoleLogger(OutputStream stdout, Consumer<Logger> body) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, false, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext("powertools-console-test");
        try {
            ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
            builder.setConfigurationName("powertools-console-test");
            AppenderComponentBuilder console = builder.newAppender("Stdout", "PowertoolsConsole");
            console.add(builder.newLayout("JsonTemplateLayout")
                    .addAttribute("eventTemplateUri", "classpath:powertools-layout.json")
                    .addAttribute("maxStringLength", 65536));
            builder.add(console);
            builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("Stdout")));
            context.start(builder.build());
            body.accept(context.getLogger("console-test"));
        } finally {
            context.stop();
            System.setOut(original);
        }
    }
}
