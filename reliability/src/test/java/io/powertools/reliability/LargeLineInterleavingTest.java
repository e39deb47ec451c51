package io.powertools.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.reliability.support.StdoutLines;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Log lines and EMF blobs share stdout. The metrics module writes each blob with one
 * {@code System.out.write} (EmfSink.stdout()), which is atomic against other such writes; but the
 * documented Log4j Console appender hands a JSON line larger than its buffer (8 KB by default) to
 * {@code System.out} in several writes, so a blob flushed by a concurrent invocation can land
 * between two pieces of one log line: both the line and the blob are then broken. The 10,000
 * invocation soak hit exactly that (an AWS SDK DEBUG line with a stack trace, logged by a sampled
 * invocation, cut at byte 8192 by an EMF blob).
 *
 * <p>This test shows the cause deterministically: one 20 KB line arrives as three writes (8192 +
 * 8192 + the rest). Running it in a JVM started with {@code -Dlog4j2.encoderByteBufferSize=1048576}
 * makes it pass (checked by hand; the property is read once per JVM, so it cannot be flipped here).
 */
class LargeLineInterleavingTest {

    private static final String LARGE = "x".repeat(20_000);

    @Test
    @Disabled("Defect (powertools-logging docs/metrics EmfSink): with the documented <Console> appender a log"
            + " event larger than Log4j's 8 KB buffer reaches System.out in several writes, so a concurrent EMF"
            + " blob (one System.out.write) can be interleaved inside it. Workaround used by this suite's child"
            + " JVMs: -Dlog4j2.encoderByteBufferSize=1048576 (one write per event up to 1 MB; the Console"
            + " appender ignores its bufferSize attribute). See docs/reliability.md.")
    void withTheDocumentedConfigurationALargeLineReachesStdoutInOneWrite() {
        assertThat(writesOfOneLargeEvent()).as("System.out writes carrying one 20 KB log line").isEqualTo(1);
    }

    /** Logs one large line through a Console appender built like the documented one; counts the writes. */
    private static int writesOfOneLargeEvent() {
        List<byte[]> writes = new ArrayList<>();
        OutputStream recorder = new OutputStream() {
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
        PrintStream original = System.out;
        System.setOut(new PrintStream(recorder, false, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext("large-line");
        try {
            ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
            builder.setConfigurationName("large-line");
            AppenderComponentBuilder console = builder.newAppender("Stdout", "Console")
                    .addAttribute("target", "SYSTEM_OUT");
            console.add(builder.newLayout("JsonTemplateLayout")
                    .addAttribute("eventTemplateUri", "classpath:powertools-layout.json")
                    .addAttribute("maxStringLength", 65536));
            builder.add(console);
            builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("Stdout")));
            context.start(builder.build());
            context.getLogger("large-line").info(LARGE);
        } finally {
            context.stop();
            System.setOut(original);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        writes.forEach(all::writeBytes);
        String text = all.toString(StandardCharsets.UTF_8).trim();
        assertThat(StdoutLines.json(text).get("message").asText()).isEqualTo(LARGE);
        return (int) writes.stream().filter(w -> w.length > 0).count();
    }
}
