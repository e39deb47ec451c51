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
import org.junit.jupiter.api.Test;

/**
 * Log lines and EMF blobs share stdout. The metrics module writes each blob with one
 * {@code System.out.write}; a log line must be one write too, or a blob flushed by a concurrent
 * invocation can land between two pieces of it and break both. The 10,000-invocation soak hit exactly
 * that with Log4j's {@code <Console>} appender (an AWS SDK DEBUG line with a stack trace, cut at byte
 * 8192 by an EMF blob): it hands a line longer than its 8 KB buffer to stdout in several writes
 * (8192 + 8192 + the rest for 20 KB). The documented {@code <PowertoolsConsole>} must not.
 */
class LargeLineInterleavingTest {

    private static final String LARGE = "x".repeat(20_000);

    @Test
    void theDocumentedAppenderWritesALargeLineToStdoutInOneWrite() {
        assertThat(writesOfOneLargeEvent("PowertoolsConsole")).as("System.out writes carrying one 20 KB log line")
                .isEqualTo(1);
    }

    @Test
    void log4jsConsoleAppenderSplitsALargeLineWhichIsWhyTheDocsAdviseAgainstIt() {
        assertThat(writesOfOneLargeEvent("Console")).as("System.out writes carrying one 20 KB log line")
                .isGreaterThan(1);
    }

    /** Logs one large line through the given appender plugin with the library's layout; counts the writes. */
    private static int writesOfOneLargeEvent(String plugin) {
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
        LoggerContext context = new LoggerContext("large-line-" + plugin);
        try {
            ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
            builder.setConfigurationName("large-line");
            AppenderComponentBuilder console = builder.newAppender("Stdout", plugin);
            if (plugin.equals("Console")) {
                console.addAttribute("target", "SYSTEM_OUT");
            }
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
