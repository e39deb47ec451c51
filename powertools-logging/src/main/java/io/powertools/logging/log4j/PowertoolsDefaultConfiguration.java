package io.powertools.logging.log4j;

import io.powertools.core.config.ConfigurationException;
import io.powertools.core.config.Environment;
import io.powertools.logging.LoggingConfiguration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * The configuration a function gets when it has no Log4j2 configuration file: the documented
 * setup of {@code docs/logging.md}, built in code so that nothing is parsed at startup.
 *
 * <ul>
 *   <li>{@link PowertoolsLevelFilter} for the whole context (DEBUG sampling, silent SnapStart priming);</li>
 *   <li>a {@link PowertoolsConsole} named {@value #APPENDER_NAME} on {@code System.out} with
 *       {@link PowertoolsJsonLayout};</li>
 *   <li>the root logger at {@code POWERTOOLS_LOG_LEVEL}, else {@code AWS_LAMBDA_LOG_LEVEL}, else INFO,
 *       so the variables apply even to a function that never calls the logging API. An invalid value
 *       leaves INFO here; the logging API's init reports it as a configuration error.</li>
 * </ul>
 */
public final class PowertoolsDefaultConfiguration extends AbstractConfiguration {

    /** The configuration's name, as Log4j2's status messages and JMX show it. */
    public static final String NAME = "powertools-default";
    /** The name of its console appender. */
    public static final String APPENDER_NAME = "Stdout";

    /**
     * Creates the configuration for a context.
     *
     * @param context the logger context
     */
    public PowertoolsDefaultConfiguration(LoggerContext context) {
        super(context, ConfigurationSource.NULL_SOURCE);
        setName(NAME);
    }

    @Override
    protected void doConfigure() {
        addFilter(PowertoolsLevelFilter.createFilter());
        Appender console = PowertoolsConsole.createAppender(
                APPENDER_NAME, "SYSTEM_OUT", PowertoolsJsonLayout.createDefaultLayout(), null);
        console.start();
        addAppender(console);
        LoggerConfig root = getRootLogger();
        root.addAppender(console, null, null);
        root.setLevel(levelFromEnvironment());
    }

    private static Level levelFromEnvironment() {
        try {
            return LoggingConfiguration.fromEnvironment(Environment.system()).level().orElse(Level.INFO);
        } catch (ConfigurationException invalid) {
            // Not thrown from inside Log4j2's start: PowertoolsLogging's init names the variable and the fix.
            return Level.INFO;
        }
    }
}
