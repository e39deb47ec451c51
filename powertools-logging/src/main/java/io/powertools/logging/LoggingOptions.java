package io.powertools.logging;

import io.powertools.core.config.ConfigurationException;
import io.powertools.core.json.JsonPath;
import io.powertools.core.json.JsonSupport;
import java.util.Optional;

/**
 * What a decorated handler logs besides the user's own lines. Immutable; build once at init:
 *
 * <pre>{@code
 * LoggingOptions options = LoggingOptions.builder()
 *         .logEvent(true)
 *         .correlationIdPath(CorrelationIdPaths.API_GATEWAY_REST)
 *         .samplingRate(0.1)
 *         .build();
 * }</pre>
 *
 * <p>An option left unset takes its environment variable's value ({@code POWERTOOLS_LOGGER_LOG_EVENT},
 * {@code POWERTOOLS_LOGGER_LOG_RESPONSE}, {@code POWERTOOLS_LOGGER_LOG_ERROR},
 * {@code POWERTOOLS_LOGGER_SAMPLE_RATE}).
 */
public final class LoggingOptions {

    private static final LoggingOptions DEFAULTS = builder().build();

    private final Boolean logEvent;
    private final Boolean logResponse;
    private final Boolean logError;
    private final JsonPath correlationIdPath;
    private final Double samplingRate;
    private final boolean clearState;
    private final boolean flushBufferOnUncaughtError;

    private LoggingOptions(Builder builder) {
        this.logEvent = builder.logEvent;
        this.logResponse = builder.logResponse;
        this.logError = builder.logError;
        this.correlationIdPath = builder.correlationIdPath;
        this.samplingRate = builder.samplingRate;
        this.clearState = builder.clearState;
        this.flushBufferOnUncaughtError = builder.flushBufferOnUncaughtError;
    }

    /**
     * Options that defer everything to the environment variables.
     *
     * @return the default options
     */
    public static LoggingOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with nothing set.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether to log the event, when set.
     *
     * @return the choice, or empty to use {@code POWERTOOLS_LOGGER_LOG_EVENT}
     */
    public Optional<Boolean> logEvent() {
        return Optional.ofNullable(logEvent);
    }

    /**
     * Whether to log the response, when set.
     *
     * @return the choice, or empty to use {@code POWERTOOLS_LOGGER_LOG_RESPONSE}
     */
    public Optional<Boolean> logResponse() {
        return Optional.ofNullable(logResponse);
    }

    /**
     * Whether to log an uncaught exception, when set.
     *
     * @return the choice, or empty to use {@code POWERTOOLS_LOGGER_LOG_ERROR}
     */
    public Optional<Boolean> logError() {
        return Optional.ofNullable(logError);
    }

    /**
     * Where the correlation id is in the event.
     *
     * @return the compiled path, or empty
     */
    public Optional<JsonPath> correlationIdPath() {
        return Optional.ofNullable(correlationIdPath);
    }

    /**
     * The DEBUG sampling rate, when set.
     *
     * @return the rate, or empty to use {@code POWERTOOLS_LOGGER_SAMPLE_RATE}
     */
    public Optional<Double> samplingRate() {
        return Optional.ofNullable(samplingRate);
    }

    /**
     * Whether to clear the thread's Log4j ThreadContext (SLF4J MDC) when the invocation ends.
     *
     * @return true to clear it
     */
    public boolean clearState() {
        return clearState;
    }

    /**
     * Whether an uncaught exception flushes the invocation's buffered lines.
     *
     * @return true (the default) to flush them, false to discard them
     */
    public boolean flushBufferOnUncaughtError() {
        return flushBufferOnUncaughtError;
    }

    boolean resolveLogEvent(LoggingConfiguration configuration) {
        return logEvent != null ? logEvent : configuration.logEvent();
    }

    boolean resolveLogResponse(LoggingConfiguration configuration) {
        return logResponse != null ? logResponse : configuration.logResponse();
    }

    boolean resolveLogError(LoggingConfiguration configuration) {
        return logError != null ? logError : configuration.logError();
    }

    double resolveSamplingRate(LoggingConfiguration configuration) {
        // The variable wins when set, as in Powertools: operators tune sampling without a code change.
        if (configuration.isSampleRateSet() || samplingRate == null) {
            return configuration.sampleRate();
        }
        return samplingRate;
    }

    JsonPath correlationPathOrNull() {
        return correlationIdPath;
    }

    /** Builds {@link LoggingOptions}. */
    public static final class Builder {

        private Boolean logEvent;
        private Boolean logResponse;
        private Boolean logError;
        private JsonPath correlationIdPath;
        private Double samplingRate;
        private boolean clearState;
        private boolean flushBufferOnUncaughtError = true;

        private Builder() {
        }

        /**
         * Logs the incoming event (INFO, message {@code Handler Event}, key {@code event}).
         *
         * @param logEvent true to log it
         * @return this builder
         */
        public Builder logEvent(boolean logEvent) {
            this.logEvent = logEvent;
            return this;
        }

        /**
         * Logs the handler's response (INFO, message {@code Handler Response}, key {@code response}).
         *
         * @param logResponse true to log it
         * @return this builder
         */
        public Builder logResponse(boolean logResponse) {
            this.logResponse = logResponse;
            return this;
        }

        /**
         * Logs an uncaught exception once (ERROR) before it is rethrown unchanged.
         *
         * @param logError true to log it
         * @return this builder
         */
        public Builder logError(boolean logError) {
            this.logError = logError;
            return this;
        }

        /**
         * Takes the correlation id from the event with a JMESPath expression (see
         * {@link CorrelationIdPaths}).
         *
         * @param expression the expression
         * @return this builder
         * @throws ConfigurationException when the expression is malformed
         */
        public Builder correlationIdPath(String expression) {
            if (expression != null) {
                JsonSupport.require("correlationIdPath");
            }
            try {
                this.correlationIdPath = expression == null ? null : JsonPath.compile(expression);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("correlationIdPath: " + e.getMessage());
            }
            return this;
        }

        /**
         * Share of invocations that log DEBUG, decided per invocation.
         *
         * @param rate from 0.0 to 1.0
         * @return this builder
         * @throws ConfigurationException when out of range
         */
        public Builder samplingRate(double rate) {
            if (!(rate >= 0.0 && rate <= 1.0)) {
                throw new ConfigurationException("samplingRate " + rate + " is not valid: expected a number from "
                        + "0.0 to 1.0");
            }
            this.samplingRate = rate;
            return this;
        }

        /**
         * Clears the thread's Log4j ThreadContext (SLF4J MDC) as soon as the decorated call ends.
         * Not needed to keep invocations apart: whatever an invocation puts there is removed when
         * it closes anyway (the thread gets back the context it had when the invocation opened).
         *
         * @param clearState true to clear
         * @return this builder
         */
        public Builder clearState(boolean clearState) {
            this.clearState = clearState;
            return this;
        }

        /**
         * Whether an uncaught exception flushes the invocation's buffered lines (those held back by
         * a {@code <PowertoolsBuffering>} appender) before it is rethrown, so the lines leading to
         * the failure are written; when false they are discarded like those of a successful call.
         *
         * @param flush true (the default) to flush them
         * @return this builder
         */
        public Builder flushBufferOnUncaughtError(boolean flush) {
            this.flushBufferOnUncaughtError = flush;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public LoggingOptions build() {
            return new LoggingOptions(this);
        }
    }
}
