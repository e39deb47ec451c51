package io.powertools.logging;

import io.powertools.core.config.ConfigurationException;
import io.powertools.core.config.Environment;
import io.powertools.core.config.Variables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;

/**
 * The process-wide logging settings read from environment variables at init. Immutable; invalid
 * values fail here with a {@link ConfigurationException} naming the variable, never at the first
 * request.
 *
 * <p>Level precedence: {@code POWERTOOLS_LOG_LEVEL} when set, else {@code AWS_LAMBDA_LOG_LEVEL}
 * (Lambda's advanced logging controls), else the level in log4j2.xml. When the Powertools level
 * is more verbose than Lambda's, the extra lines are written but Lambda drops them, so a warning
 * says so at init.
 */
public final class LoggingConfiguration {

    /** Log level of the function's loggers (TRACE, DEBUG, INFO, WARN, ERROR, FATAL). */
    public static final String POWERTOOLS_LOG_LEVEL = "POWERTOOLS_LOG_LEVEL";
    /** Log level set by Lambda's advanced logging controls. */
    public static final String AWS_LAMBDA_LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
    /** Share of invocations (0.0 to 1.0) that log DEBUG. */
    public static final String POWERTOOLS_LOGGER_SAMPLE_RATE = "POWERTOOLS_LOGGER_SAMPLE_RATE";
    /** Whether decorated handlers log the incoming event (true/false). */
    public static final String POWERTOOLS_LOGGER_LOG_EVENT = "POWERTOOLS_LOGGER_LOG_EVENT";
    /** Whether decorated handlers log their response (true/false). */
    public static final String POWERTOOLS_LOGGER_LOG_RESPONSE = "POWERTOOLS_LOGGER_LOG_RESPONSE";
    /** Whether decorated handlers log an uncaught exception (true/false). */
    public static final String POWERTOOLS_LOGGER_LOG_ERROR = "POWERTOOLS_LOGGER_LOG_ERROR";
    /** Comma-separated keys whose values are masked in logged events, responses and arguments. */
    public static final String POWERTOOLS_LOGGER_REDACT_KEYS = "POWERTOOLS_LOGGER_REDACT_KEYS";

    private static final List<Level> LEVELS = List.of(
            Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL);

    private final Level powertoolsLevel;
    private final Level lambdaLevel;
    private final double sampleRate;
    private final boolean sampleRateSet;
    private final boolean logEvent;
    private final boolean logResponse;
    private final boolean logError;
    private final Set<String> redactKeys;
    private final String serviceName;
    private final List<String> warnings;

    private LoggingConfiguration(Environment environment) {
        this.powertoolsLevel = level(environment, POWERTOOLS_LOG_LEVEL);
        this.lambdaLevel = level(environment, AWS_LAMBDA_LOG_LEVEL);
        this.sampleRate = environment.getDouble(POWERTOOLS_LOGGER_SAMPLE_RATE, 0.0, 0.0, 1.0);
        this.sampleRateSet = environment.get(POWERTOOLS_LOGGER_SAMPLE_RATE).filter(text -> !text.isBlank()).isPresent();
        this.logEvent = environment.getBoolean(POWERTOOLS_LOGGER_LOG_EVENT, false);
        this.logResponse = environment.getBoolean(POWERTOOLS_LOGGER_LOG_RESPONSE, false);
        this.logError = environment.getBoolean(POWERTOOLS_LOGGER_LOG_ERROR, false);
        this.redactKeys = environment.get(POWERTOOLS_LOGGER_REDACT_KEYS)
                .map(text -> Arrays.stream(text.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        this.serviceName = environment.get(Variables.POWERTOOLS_SERVICE_NAME, Variables.DEFAULT_SERVICE_NAME);
        this.warnings = List.copyOf(findWarnings());
    }

    /**
     * Reads the settings.
     *
     * @param environment the variables (the process's, or a fixed map in tests)
     * @return the settings
     * @throws ConfigurationException when a variable has an invalid value
     */
    public static LoggingConfiguration fromEnvironment(Environment environment) {
        return new LoggingConfiguration(environment);
    }

    private static Level level(Environment environment, String variable) {
        Optional<String> value = environment.get(variable);
        if (value.isEmpty()) {
            return null;
        }
        String name = value.get().toUpperCase(Locale.ROOT);
        if (name.equals("WARNING")) {
            name = "WARN";
        }
        for (Level level : LEVELS) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw ConfigurationException.invalidValue(variable, value.get(),
                "one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL (any case)");
    }

    private List<String> findWarnings() {
        List<String> found = new ArrayList<>();
        if (powertoolsLevel != null && lambdaLevel != null && powertoolsLevel.isLessSpecificThan(lambdaLevel)
                && powertoolsLevel != lambdaLevel) {
            found.add(POWERTOOLS_LOG_LEVEL + "=" + powertoolsLevel + " is more verbose than " + AWS_LAMBDA_LOG_LEVEL
                    + "=" + lambdaLevel + ": the function writes " + powertoolsLevel + " lines but Lambda's advanced "
                    + "logging controls drop them. Raise the function's log level in Lambda or lower "
                    + POWERTOOLS_LOG_LEVEL + ".");
        }
        if (sampleRate > 0 && lambdaLevel != null && lambdaLevel.isMoreSpecificThan(Level.INFO)) {
            found.add(POWERTOOLS_LOGGER_SAMPLE_RATE + "=" + sampleRate + " samples DEBUG lines but "
                    + AWS_LAMBDA_LOG_LEVEL + "=" + lambdaLevel + " makes Lambda drop them. Set the function's "
                    + "log level to DEBUG in Lambda to keep sampled lines.");
        }
        return found;
    }

    /**
     * The level the function's loggers use, after precedence.
     *
     * @return the level, or empty to keep the one in log4j2.xml
     */
    public Optional<Level> level() {
        return Optional.ofNullable(powertoolsLevel != null ? powertoolsLevel : lambdaLevel);
    }

    /**
     * The level of Lambda's advanced logging controls.
     *
     * @return the level, or empty when not set
     */
    public Optional<Level> lambdaLevel() {
        return Optional.ofNullable(lambdaLevel);
    }

    /**
     * The DEBUG sampling rate.
     *
     * @return from 0.0 (never) to 1.0 (always)
     */
    public double sampleRate() {
        return sampleRate;
    }

    /**
     * Whether {@code POWERTOOLS_LOGGER_SAMPLE_RATE} is set. As with Powertools for AWS Lambda (Java),
     * the variable then takes precedence over the rate in options and annotations, so operators can
     * change it without a deployment of code.
     *
     * @return true when the variable is set
     */
    public boolean isSampleRateSet() {
        return sampleRateSet;
    }

    /**
     * Whether handlers log their event unless their options say otherwise.
     *
     * @return the default
     */
    public boolean logEvent() {
        return logEvent;
    }

    /**
     * Whether handlers log their response unless their options say otherwise.
     *
     * @return the default
     */
    public boolean logResponse() {
        return logResponse;
    }

    /**
     * Whether handlers log an uncaught exception unless their options say otherwise.
     *
     * @return the default
     */
    public boolean logError() {
        return logError;
    }

    /**
     * Keys whose values are masked.
     *
     * @return the keys as configured
     */
    public Set<String> redactKeys() {
        return redactKeys;
    }

    /**
     * The service name.
     *
     * @return {@code POWERTOOLS_SERVICE_NAME}, or {@code service_undefined}
     */
    public String serviceName() {
        return serviceName;
    }

    /**
     * Problems worth a warning at init (settings that contradict each other).
     *
     * @return the warning texts
     */
    public List<String> warnings() {
        return warnings;
    }
}
