package io.powertools.logging.log4j;

import io.powertools.logging.internal.LineWriter;
import io.powertools.logging.internal.ServiceResolver;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * The Powertools JSON line without a template: {@code <PowertoolsJsonLayout/>}.
 *
 * <p>It writes exactly what {@code <JsonTemplateLayout eventTemplateUri="classpath:powertools-layout.json"/>}
 * writes (same members, order, escaping and truncation), and is what the library's default
 * configuration uses. It needs no template to read and parse and none of JSON Template Layout's
 * resolver set-up at startup, which shortens a cold start; per line it costs about the same. Use
 * JSON Template Layout instead when the line needs members of your own.
 *
 * <p>Values come from the invocation bound to the thread that logs, so appenders must be
 * synchronous (no AsyncLogger or AsyncAppender).
 */
@Plugin(name = "PowertoolsJsonLayout", category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE, printObject = true)
public final class PowertoolsJsonLayout extends AbstractStringLayout {

    /**
     * Longest string written in full when {@code maxStringLength} is not set, as in the documented
     * JSON Template Layout setup: it keeps one line well under CloudWatch's 256 KB event limit.
     */
    public static final int DEFAULT_MAX_STRING_LENGTH = 65_536;

    private final int maxStringLength;
    private final String defaultService;
    private final ThreadLocal<LineWriter> writers;

    private PowertoolsJsonLayout(int maxStringLength, String defaultService) {
        super(StandardCharsets.UTF_8);
        this.maxStringLength = maxStringLength;
        this.defaultService = defaultService;
        this.writers = ThreadLocal.withInitial(this::newWriter);
    }

    /**
     * Creates the layout from configuration.
     *
     * @param maxStringLength longest string value written in full (message, stack trace, key
     *     values); longer ones are cut and end in "…"
     * @return the layout
     * @throws IllegalArgumentException when maxStringLength is not positive
     */
    @PluginFactory
    public static PowertoolsJsonLayout createLayout(
            @PluginAttribute(value = "maxStringLength", defaultInt = DEFAULT_MAX_STRING_LENGTH) int maxStringLength) {
        if (maxStringLength <= 0) {
            throw new IllegalArgumentException("PowertoolsJsonLayout: maxStringLength=" + maxStringLength
                    + " is not valid: use a positive number of characters (default " + DEFAULT_MAX_STRING_LENGTH + ")");
        }
        return new PowertoolsJsonLayout(maxStringLength, ServiceResolver.processService());
    }

    /**
     * The layout with default settings.
     *
     * @return the layout
     */
    public static PowertoolsJsonLayout createDefaultLayout() {
        return createLayout(DEFAULT_MAX_STRING_LENGTH);
    }

    /**
     * Longest string value written in full.
     *
     * @return the number of characters
     */
    public int maxStringLength() {
        return maxStringLength;
    }

    @Override
    public String toSerializable(LogEvent event) {
        LineWriter writer = claimWriter();
        try {
            return writer.write(event).toString();
        } finally {
            writer.release();
        }
    }

    @Override
    public void encode(LogEvent event, ByteBufferDestination destination) {
        LineWriter writer = claimWriter();
        try {
            getStringBuilderEncoder().encode(writer.write(event), destination);
        } finally {
            writer.release();
        }
    }

    @Override
    public String getContentType() {
        return "application/json; charset=UTF-8";
    }

    /** The thread's writer, or a fresh one when a value's toString() logs while the line is being written. */
    private LineWriter claimWriter() {
        LineWriter writer = writers.get();
        if (writer.claim()) {
            return writer;
        }
        LineWriter nested = newWriter();
        nested.claim();
        return nested;
    }

    private LineWriter newWriter() {
        return new LineWriter(maxStringLength, defaultService);
    }
}
