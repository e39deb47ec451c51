package io.powertools.logging.log4j;

import io.powertools.core.Invocation;
import io.powertools.logging.internal.LogState;
import io.powertools.logging.internal.Switches;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;

/**
 * Per-invocation DEBUG sampling without touching the global level: a context-wide filter (put
 * {@code <PowertoolsLevelFilter/>} directly under {@code <Configuration>}) that lets DEBUG and INFO
 * lines through for invocations that were sampled, and stays neutral otherwise, so the configured
 * level decides as usual. A concurrent unsampled invocation is unaffected. It also drops every
 * line of a SnapStart priming invocation ({@code Invocation.isPriming()}), whatever its level.
 *
 * <p>Cost: one thread-local read; WARN and more severe lines, and every line when no handler
 * samples, return after it; otherwise one map lookup more. Every overload is implemented so that no varargs
 * array is allocated per call.
 */
@Plugin(name = "PowertoolsLevelFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE,
        printObject = true)
public final class PowertoolsLevelFilter extends AbstractFilter {

    private static final int DEBUG = Level.DEBUG.intLevel();
    private static final int INFO = Level.INFO.intLevel();

    private PowertoolsLevelFilter() {
        super(Result.NEUTRAL, Result.NEUTRAL);
    }

    /**
     * Creates the filter.
     *
     * @return the filter
     */
    @PluginFactory
    public static PowertoolsLevelFilter createFilter() {
        return new PowertoolsLevelFilter();
    }

    private static Result decide(Level level) {
        Invocation invocation = Invocation.currentOrNull();
        if (invocation != null && invocation.isPriming()) {
            // SnapStart priming runs the handler on dummy events: none of its lines may reach the logs.
            return Result.DENY;
        }
        int intLevel = level.intLevel();
        if (invocation == null || intLevel < INFO || intLevel > DEBUG || !Switches.sampling()) {
            return Result.NEUTRAL;
        }
        return LogState.of(invocation).isSampled() ? Result.ACCEPT : Result.NEUTRAL;
    }

    @Override
    public Result filter(LogEvent event) {
        return decide(event.getLevel());
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5, Object p6) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5, Object p6, Object p7) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5, Object p6, Object p7, Object p8) {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5, Object p6, Object p7, Object p8, Object p9) {
        return decide(level);
    }
}
