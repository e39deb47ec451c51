package io.powertools.batch;

import io.powertools.core.Invocation;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures what the batch module logs through the real Log4j2 pipeline, with the invocation that
 * was current on the logging thread.
 */
final class CapturedLogs extends AbstractAppender implements AutoCloseable {

    /**
     * One captured line.
     *
     * @param rendered the event as a console pattern prints it, stack trace included: what the line costs
     */
    record Line(Level level, String message, Throwable thrown, String requestId, String rendered) {
    }

    private static final PatternLayout CONSOLE = PatternLayout.newBuilder()
            .withPattern("%level %logger - %message%n%throwable").build();

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
        super("captured-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    }

    static CapturedLogs capture() {
        CapturedLogs logs = new CapturedLogs();
        logs.start0();
        return logs;
    }

    private void start0() {
        start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(this, Level.ALL, null);
        context.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        if (event.getLoggerName().startsWith("io.powertools.batch")) {
            lines.add(new Line(event.getLevel(), event.getMessage().getFormattedMessage(), event.getThrown(),
                    Invocation.current().map(Invocation::requestId).orElse(null), CONSOLE.toSerializable(event)));
        }
    }

    List<Line> lines() {
        return lines;
    }

    List<String> messages() {
        return lines.stream().map(Line::message).collect(Collectors.toList());
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
