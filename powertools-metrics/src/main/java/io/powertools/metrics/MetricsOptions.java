package io.powertools.metrics;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.metrics.internal.MetricsConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of a {@link MetricsFlusher}, built once at init. Explicit values win over
 * the environment variables ({@code POWERTOOLS_METRICS_NAMESPACE}, {@code POWERTOOLS_SERVICE_NAME},
 * {@code POWERTOOLS_METRICS_FUNCTION_NAME}, {@code POWERTOOLS_METRICS_DISABLED}); everything is
 * validated by {@link Builder#build()}, so a bad setting fails at init, not at the first request.
 *
 * <pre>{@code
 * static final MetricsOptions OPTIONS = MetricsOptions.builder()
 *     .namespace("Orders")
 *     .service("checkout")
 *     .defaultDimension("Stage", "prod")
 *     .captureColdStart(true)
 *     .build();
 * }</pre>
 */
public final class MetricsOptions {

    private final MetricsConfig config;

    private MetricsOptions(MetricsConfig config) {
        this.config = config;
    }

    /**
     * Starts a builder with the defaults: no explicit values, no cold-start metric, no failure
     * on empty metrics, standard output, the system clock, this process's environment.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options taken entirely from the environment variables of this process.
     *
     * @return the options
     * @throws io.powertools.core.config.ConfigurationException when no namespace is set or a
     *     variable is invalid
     */
    public static MetricsOptions fromEnvironment() {
        return builder().build();
    }

    MetricsConfig config() {
        return config;
    }

    /**
     * The namespace of the blobs.
     *
     * @return the namespace; empty only when metrics are disabled
     */
    public Optional<String> namespace() {
        return Optional.ofNullable(config.namespace());
    }

    /**
     * The service, written as the {@code Service} dimension of every blob.
     *
     * @return the service, or empty when neither the option nor the variable set one
     */
    public Optional<String> service() {
        return Optional.ofNullable(config.service());
    }

    /**
     * The dimensions every blob carries besides {@code Service}.
     *
     * @return an unmodifiable map, in insertion order
     */
    public Map<String, String> defaultDimensions() {
        return config.defaultDimensions();
    }

    /**
     * Whether the cold-start invocation writes a {@code ColdStart} metric.
     *
     * @return true to write it
     */
    public boolean captureColdStart() {
        return config.captureColdStart();
    }

    /**
     * Whether an invocation that added no metric fails.
     *
     * @return true to fail
     */
    public boolean raiseOnEmptyMetrics() {
        return config.raiseOnEmptyMetrics();
    }

    /**
     * The {@code FunctionName} dimension of the cold-start metric.
     *
     * @return the configured name, or empty to take it from the Lambda context
     */
    public Optional<String> functionName() {
        return Optional.ofNullable(config.functionName());
    }

    /**
     * Whether {@code POWERTOOLS_METRICS_DISABLED} turned the output off.
     *
     * @return true when nothing is written
     */
    public boolean disabled() {
        return config.disabled();
    }

    @Override
    public String toString() {
        return "MetricsOptions[namespace=" + config.namespace() + ", service=" + config.service()
                + ", defaultDimensions=" + config.defaultDimensions() + ", captureColdStart=" + config.captureColdStart()
                + ", raiseOnEmptyMetrics=" + config.raiseOnEmptyMetrics() + ", disabled=" + config.disabled() + "]";
    }

    /** Builds {@link MetricsOptions}; not thread-safe, use it during init. */
    public static final class Builder {

        private ExecutionEnvironment executionEnvironment;
        private String namespace;
        private String service;
        private final Map<String, String> defaultDimensions = new LinkedHashMap<>();
        private boolean captureColdStart;
        private boolean raiseOnEmptyMetrics;
        private String functionName;
        private EmfSink sink = EmfSink.stdout();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The namespace of every blob (default: {@code POWERTOOLS_METRICS_NAMESPACE}).
         *
         * @param namespace 1 to 255 characters of {@code [a-zA-Z0-9._#:/-]}
         * @return this builder
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * The service, written as the {@code Service} dimension (default: {@code POWERTOOLS_SERVICE_NAME};
         * without either, blobs have no {@code Service} dimension).
         *
         * @param service the service name
         * @return this builder
         */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /**
         * Adds a dimension every blob carries.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder defaultDimension(String key, String value) {
            defaultDimensions.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Adds dimensions every blob carries.
         *
         * @param dimensions keys and values, in the order they should appear
         * @return this builder
         */
        public Builder defaultDimensions(Map<String, String> dimensions) {
            dimensions.forEach(this::defaultDimension);
            return this;
        }

        /**
         * Whether the cold-start invocation writes a separate blob with {@code ColdStart=1} and
         * dimensions {@code Service}, {@code FunctionName} and the default dimensions (default
         * false). That blob must fit one dimension set of 30, and no default dimension may be named
         * {@code ColdStart} or {@code FunctionName}: {@link #build()} reports a breach.
         *
         * @param capture true to write it
         * @return this builder
         */
        public Builder captureColdStart(boolean capture) {
            this.captureColdStart = capture;
            return this;
        }

        /**
         * Whether an invocation that added no metric fails with an exception instead of logging a
         * warning (default false).
         *
         * @param raise true to fail
         * @return this builder
         */
        public Builder raiseOnEmptyMetrics(boolean raise) {
            this.raiseOnEmptyMetrics = raise;
            return this;
        }

        /**
         * The {@code FunctionName} dimension of the cold-start metric (default:
         * {@code POWERTOOLS_METRICS_FUNCTION_NAME}, else {@code AWS_LAMBDA_FUNCTION_NAME}, else the
         * context's function name).
         *
         * @param functionName the function name
         * @return this builder
         */
        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        /**
         * The execution environment invocations open in and variables are read from (default:
         * this process's). Tests pass {@code ExecutionEnvironment.create(Environment.of(..))}.
         *
         * @param executionEnvironment the environment
         * @return this builder
         */
        public Builder executionEnvironment(ExecutionEnvironment executionEnvironment) {
            this.executionEnvironment = Objects.requireNonNull(executionEnvironment, "executionEnvironment");
            return this;
        }

        /**
         * Where EMF lines go (default: standard output).
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder sink(EmfSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * The clock of the blob timestamps and of the timestamp window check (default: system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Resolves the environment variables and validates everything.
         *
         * @return the options
         * @throws io.powertools.core.config.ConfigurationException when no namespace is configured
         *     (and metrics are not disabled), or a value or variable is invalid, naming it
         */
        public MetricsOptions build() {
            ExecutionEnvironment env = executionEnvironment != null ? executionEnvironment : ExecutionEnvironment.get();
            return new MetricsOptions(MetricsConfig.resolve(env, namespace, service, defaultDimensions,
                    captureColdStart, raiseOnEmptyMetrics, functionName, sink, clock, true));
        }
    }
}
