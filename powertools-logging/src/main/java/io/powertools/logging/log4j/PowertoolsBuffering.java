package io.powertools.logging.log4j;

import io.powertools.core.Invocation;
import io.powertools.logging.internal.LogBuffer;
import io.powertools.logging.internal.LogState;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AppenderControl;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * Holds each invocation's low-level lines and writes them only if the invocation fails:
 *
 * <pre>{@code
 * <PowertoolsBuffering name="Buffered" bufferAtLevel="DEBUG" maxBytes="20480" flushOnErrorLog="true">
 *   <AppenderRef ref="Stdout"/>
 * </PowertoolsBuffering>
 * }</pre>
 *
 * <p>Inside an invocation, a line at {@code bufferAtLevel} or more verbose (that the logger level
 * let through) is held in the invocation; an ERROR line (when {@code flushOnErrorLog}) or an
 * uncaught exception in a decorated handler writes the held lines first; otherwise they are
 * discarded when the invocation ends. At most {@code maxBytes} (estimated) are held per
 * invocation: the oldest lines are evicted first, and the flush starts with a warning saying how
 * many were dropped. Lines outside an invocation (init) and lines of sampled invocations are
 * never held.
 */
@Plugin(name = "PowertoolsBuffering", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
public final class PowertoolsBuffering extends AbstractAppender {

    private final Level bufferAtLevel;
    private final long maxBytes;
    private final boolean flushOnErrorLog;
    private final Configuration configuration;
    private final AppenderRef[] refs;
    private volatile AppenderControl[] targets = new AppenderControl[0];
    private final LogBuffer.Sink sink = this::writeFlushed;

    private PowertoolsBuffering(String name, Filter filter, Level bufferAtLevel, long maxBytes, boolean flushOnErrorLog,
            Configuration configuration, AppenderRef[] refs) {
        super(name, filter, null, true, Property.EMPTY_ARRAY);
        this.bufferAtLevel = bufferAtLevel;
        this.maxBytes = maxBytes;
        this.flushOnErrorLog = flushOnErrorLog;
        this.configuration = configuration;
        this.refs = refs;
    }

    /**
     * Creates the appender.
     *
     * @param name the appender's name
     * @param bufferAtLevel lines at this level or more verbose are held (default DEBUG)
     * @param maxBytes bound of held bytes per invocation (default 20480)
     * @param flushOnErrorLog whether an ERROR line writes the held lines (default true)
     * @param refs the appenders lines are written to
     * @param filter an optional filter
     * @param configuration the configuration
     * @return the appender
     */
    @PluginFactory
    public static PowertoolsBuffering createAppender(
            @PluginAttribute("name") String name,
            @PluginAttribute(value = "bufferAtLevel", defaultString = "DEBUG") String bufferAtLevel,
            @PluginAttribute(value = "maxBytes", defaultLong = 20480) long maxBytes,
            @PluginAttribute(value = "flushOnErrorLog", defaultBoolean = true) boolean flushOnErrorLog,
            @PluginElement("AppenderRef") AppenderRef[] refs,
            @PluginElement("Filter") Filter filter,
            @PluginConfiguration Configuration configuration) {
        if (name == null) {
            throw new IllegalArgumentException("PowertoolsBuffering needs a name attribute");
        }
        Level level = Level.toLevel(bufferAtLevel, null);
        if (level == null) {
            throw new IllegalArgumentException("PowertoolsBuffering bufferAtLevel='" + bufferAtLevel
                    + "' is not a level: use TRACE, DEBUG, INFO or WARN");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("PowertoolsBuffering maxBytes=" + maxBytes + " must be positive");
        }
        if (refs == null || refs.length == 0) {
            throw new IllegalArgumentException("PowertoolsBuffering '" + name + "' needs at least one <AppenderRef>");
        }
        return new PowertoolsBuffering(name, filter, level, maxBytes, flushOnErrorLog, configuration, refs);
    }

    @Override
    public void start() {
        List<AppenderControl> controls = new ArrayList<>();
        for (AppenderRef ref : refs) {
            Appender appender = configuration.getAppender(ref.getRef());
            if (appender == null) {
                error("PowertoolsBuffering '" + getName() + "' refers to unknown appender '" + ref.getRef() + "'");
                continue;
            }
            controls.add(new AppenderControl(appender, ref.getLevel(), ref.getFilter()));
        }
        targets = controls.toArray(new AppenderControl[0]);
        super.start();
    }

    @Override
    public void append(LogEvent event) {
        Invocation invocation = Invocation.currentOrNull();
        if (invocation == null) {
            forward(event);
            return;
        }
        LogState state = LogState.of(invocation);
        Level level = event.getLevel();
        if (!state.isSampled() && level.isLessSpecificThan(bufferAtLevel)) {
            LogEvent copy = event.toImmutable();
            state.buffer(maxBytes, sink).add(copy, LogBuffer.estimate(copy));
            return;
        }
        if (flushOnErrorLog && level.isMoreSpecificThan(Level.ERROR)) {
            LogBuffer buffer = state.buffer();
            if (buffer != null) {
                buffer.flush();
            }
        }
        forward(event);
    }

    private void writeFlushed(List<LogEvent> events, int dropped, long bound) {
        if (dropped > 0) {
            LogEvent first = events.isEmpty() ? null : events.get(0);
            forward(Log4jLogEvent.newBuilder()
                    .setLoggerName(io.powertools.logging.internal.InternalLog.NAME)
                    .setLevel(Level.WARN)
                    .setThreadName(Thread.currentThread().getName())
                    .setTimeMillis(first != null ? first.getTimeMillis() : System.currentTimeMillis())
                    .setMessage(new SimpleMessage(dropped + " buffered log line(s) of this invocation were dropped, "
                            + "oldest first, to stay within maxBytes=" + bound + " of appender '" + getName() + "'"))
                    .build());
        }
        for (LogEvent event : events) {
            forward(event);
        }
    }

    private void forward(LogEvent event) {
        for (AppenderControl target : targets) {
            target.callAppender(event);
        }
    }
}
