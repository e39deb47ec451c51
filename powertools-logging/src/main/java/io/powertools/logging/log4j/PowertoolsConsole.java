package io.powertools.logging.log4j;

import io.powertools.logging.internal.LineBuffer;
import io.powertools.logging.internal.LineWriter;
import java.io.PrintStream;
import java.io.Serializable;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.JsonLayout;

/**
 * Writes each log line to {@code System.out} (or {@code System.err}) in exactly one write:
 *
 * <pre>{@code
 * <PowertoolsConsole name="Stdout">
 *   <JsonTemplateLayout eventTemplateUri="classpath:powertools-layout.json" maxStringLength="65536"/>
 * </PowertoolsConsole>
 * }</pre>
 *
 * <p>Why not Log4j's {@code <Console>}: it hands a line larger than its 8 KB buffer to the stream
 * in several writes, and its lock is its own, so an EMF blob written by a concurrent invocation
 * (powertools-metrics writes each blob in one {@code System.out} write) can land in the middle of
 * the line and break both. Here the whole line is encoded into a per-thread buffer first and then
 * written with one {@link PrintStream#write(byte[], int, int)}, which the stream performs under its
 * own lock, so lines and blobs never interleave. The stream is looked up at every write because
 * the Lambda runtime client replaces {@code System.out} after the JVM starts.
 *
 * <p>It also keeps every line within CloudWatch Logs' 256 KB event: {@code <PowertoolsJsonLayout/>}
 * bounds its lines itself; a line of any other layout (JSON Template Layout cuts each string at
 * {@code maxStringLength} characters, but not the line) that comes out larger is written instead
 * as {@code <PowertoolsJsonLayout/>} writes it, with shortened values. Checking costs one
 * comparison per line.
 */
@Plugin(name = "PowertoolsConsole", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
public final class PowertoolsConsole extends AbstractAppender {

    private final boolean stderr;
    /** Scratch space per thread, reused across events; it never holds data between events. */
    private final ThreadLocal<LineBuffer> buffers = ThreadLocal.withInitial(LineBuffer::new);
    /** Rewrites a line of another layout that came out over the limit; created on first need. */
    private volatile PowertoolsJsonLayout bounded;

    private PowertoolsConsole(String name, Layout<? extends Serializable> layout, Filter filter, boolean stderr) {
        super(name, filter, layout, true, Property.EMPTY_ARRAY);
        this.stderr = stderr;
    }

    /**
     * Creates the appender from configuration.
     *
     * @param name the appender's name
     * @param target {@code SYSTEM_OUT} (default) or {@code SYSTEM_ERR}
     * @param layout the layout; defaults to Log4j's JSON layout when absent
     * @param filter an optional filter
     * @return the appender
     * @throws IllegalArgumentException for an unknown target
     */
    @PluginFactory
    public static PowertoolsConsole createAppender(
            @PluginAttribute("name") String name,
            @PluginAttribute(value = "target", defaultString = "SYSTEM_OUT") String target,
            @PluginElement("Layout") Layout<? extends Serializable> layout,
            @PluginElement("Filter") Filter filter) {
        boolean stderr;
        if ("SYSTEM_OUT".equalsIgnoreCase(target)) {
            stderr = false;
        } else if ("SYSTEM_ERR".equalsIgnoreCase(target)) {
            stderr = true;
        } else {
            throw new IllegalArgumentException("PowertoolsConsole '" + name + "': target='" + target
                    + "' is not valid: use SYSTEM_OUT or SYSTEM_ERR");
        }
        Layout<? extends Serializable> effective = layout != null ? layout : JsonLayout.createDefaultLayout();
        return new PowertoolsConsole(name == null ? "PowertoolsConsole" : name, effective, filter, stderr);
    }

    @Override
    public void append(LogEvent event) {
        LineBuffer line = buffers.get();
        line.clear();
        Layout<? extends Serializable> layout = getLayout();
        layout.encode(event, line);
        // The line break is not part of CloudWatch's event.
        if (line.size() > LineWriter.MAX_LINE_BYTES + 1 && !(layout instanceof PowertoolsJsonLayout)) {
            line.clear();
            boundedLayout().encode(event, line);
        }
        PrintStream out = stderr ? System.err : System.out;
        out.write(line.array(), 0, line.size());
        out.flush();
    }

    private PowertoolsJsonLayout boundedLayout() {
        PowertoolsJsonLayout layout = bounded;
        if (layout == null) {
            layout = PowertoolsJsonLayout.createDefaultLayout();
            bounded = layout;
        }
        return layout;
    }
}
