package io.powertools.idempotency.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** What the idempotency module logs, captured from the real Log4j2 pipeline while open. */
public final class CapturedLogs extends AbstractAppender implements AutoCloseable {

    /**
     * One captured line.
     *
     * @param level its level
     * @param message the formatted message
     * @param thrown the attached exception, or null
     */
    public record Line(Level level, String message, Throwable thrown) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
        super("idempotency-captured-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    }

    /** @return a capture attached to the root logger; close it */
    public static CapturedLogs capture() {
        CapturedLogs logs = new CapturedLogs();
        logs.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(logs, Level.ALL, null);
        context.updateLoggers();
        return logs;
    }

    @Override
    public void append(LogEvent event) {
        if (event.getLoggerName().startsWith("io.powertools.idempotency")) {
            lines.add(new Line(event.getLevel(), event.getMessage().getFormattedMessage(), event.getThrown()));
        }
    }

    /**
     * @param level the level
     * @return the lines of that level
     */
    public List<Line> at(Level level) {
        return lines.stream().filter(l -> l.level() == level).toList();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
