package io.powertools.logging;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.logging.internal.InternalLog;
import io.powertools.logging.internal.Redactor;
import io.powertools.logging.internal.Switches;
import io.powertools.logging.log4j.PowertoolsLevelFilter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.spi.LoggerContextFactory;

/**
 * The process's logging setup: settings read once from the environment, the level applied to
 * Log4j and warnings written, all at init. Initialisation is explicit rather than a class-init
 * holder so that a configuration error is thrown (and thrown again) as a
 * {@link io.powertools.core.config.ConfigurationException}, not hidden in an
 * {@code ExceptionInInitializerError}.
 */
final class LoggingRuntime {

    private static volatile LoggingRuntime instance;

    private final LoggingConfiguration configuration;
    private final Redactor redactor;

    private LoggingRuntime(LoggingConfiguration configuration) {
        this.configuration = configuration;
        // The same variable the layout reads for MDC values: one redactor for the process.
        this.redactor = Redactor.processWide();
    }

    static LoggingRuntime get() {
        LoggingRuntime runtime = instance;
        return runtime != null ? runtime : initialize();
    }

    private static synchronized LoggingRuntime initialize() {
        if (instance == null) {
            LoggingConfiguration configuration = LoggingConfiguration.fromEnvironment(
                    ExecutionEnvironment.get().environment());
            LoggingRuntime runtime = new LoggingRuntime(configuration);
            instance = runtime;
            runtime.apply();
        }
        return instance;
    }

    private void apply() {
        Level level = configuration.level().orElse(null);
        if (level != null && isLog4jCore()) {
            // Once, at init: the global level never changes afterwards (sampling is per invocation).
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, level);
        }
        if (configuration.sampleRate() > 0) {
            Switches.enableSampling();
            warnIfFilterMissing();
        }
        for (String warning : configuration.warnings()) {
            InternalLog.warn(warning);
        }
    }

    /** Sampling needs the level filter in log4j2.xml; without it sampled DEBUG lines would vanish. */
    static void warnIfFilterMissing() {
        if (!isLog4jCore()) {
            return;
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        if (!hasLevelFilter(context.getConfiguration().getFilter())) {
            InternalLog.warn("DEBUG sampling is on but log4j2.xml has no <PowertoolsLevelFilter/> under "
                    + "<Configuration>: sampled invocations cannot log DEBUG. Add the filter (see docs/logging.md).");
        }
    }

    private static boolean hasLevelFilter(Filter filter) {
        if (filter instanceof PowertoolsLevelFilter) {
            return true;
        }
        if (filter instanceof CompositeFilter) {
            for (Filter child : ((CompositeFilter) filter).getFiltersArray()) {
                if (child instanceof PowertoolsLevelFilter) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLog4jCore() {
        LoggerContextFactory factory = LogManager.getFactory();
        return factory != null && factory.getClass().getName().startsWith("org.apache.logging.log4j.core");
    }

    LoggingConfiguration configuration() {
        return configuration;
    }

    Redactor redactor() {
        return redactor;
    }
}
