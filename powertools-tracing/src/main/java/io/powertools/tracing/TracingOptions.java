package io.powertools.tracing;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.tracing.internal.Names;
import io.powertools.tracing.internal.TracingConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * Immutable settings of a {@link HandlerTracer}, built once at init. Explicit values win over the
 * environment variables Powertools users already set ({@code POWERTOOLS_TRACE_DISABLED},
 * {@code POWERTOOLS_TRACER_CAPTURE_RESPONSE}, {@code POWERTOOLS_TRACER_CAPTURE_ERROR},
 * {@code POWERTOOLS_SERVICE_NAME}) and over {@code AWS_XRAY_DAEMON_ADDRESS}, which Lambda sets;
 * {@link Builder#build()} validates everything, so a bad setting fails at init.
 *
 * <pre>{@code
 * static final TracingOptions OPTIONS = TracingOptions.builder()
 *     .service("checkout")
 *     .captureResponse(false)
 *     .build();
 * }</pre>
 */
public final class TracingOptions {

    /** The handler subsegment's name when none is given, as Powertools names it. */
    public static final String DEFAULT_SEGMENT_NAME = "## handleRequest";

    private final TracingConfig config;
    private final String segmentName;

    private TracingOptions(TracingConfig config, String segmentName) {
        this.config = config;
        this.segmentName = segmentName;
    }

    /**
     * Starts a builder: no explicit values, this process's environment, the system clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options taken entirely from the environment variables.
     *
     * @return the options
     * @throws io.powertools.core.config.ConfigurationException when a variable is invalid
     */
    public static TracingOptions fromEnvironment() {
        return builder().build();
    }

    TracingConfig config() {
        return config;
    }

    /**
     * The name of the handler's subsegment.
     *
     * @return the name
     */
    public String segmentName() {
        return segmentName;
    }

    /**
     * The service: the handler subsegment's {@code Service} annotation and the metadata namespace
     * of captured responses.
     *
     * @return the service
     */
    public String service() {
        return config.service();
    }

    /**
     * Whether the handler's response is written as metadata.
     *
     * @return true to capture it
     */
    public boolean captureResponse() {
        return config.captureResponse();
    }

    /**
     * Whether the handler's exception (type, message, stack) is written as the subsegment's cause.
     *
     * @return true to capture it
     */
    public boolean captureError() {
        return config.captureError();
    }

    /**
     * Whether {@code POWERTOOLS_TRACE_DISABLED} (or the builder) turned tracing off.
     *
     * @return true when nothing is recorded
     */
    public boolean disabled() {
        return config.disabled();
    }

    @Override
    public String toString() {
        return "TracingOptions[segmentName=" + segmentName + ", service=" + config.service() + ", captureResponse="
                + config.captureResponse() + ", captureError=" + config.captureError() + ", disabled="
                + config.disabled() + ", daemon=" + config.client().address() + "]";
    }

    /** Builds {@link TracingOptions}; not thread-safe, use it during init. */
    public static final class Builder {

        private ExecutionEnvironment executionEnvironment;
        private String segmentName = DEFAULT_SEGMENT_NAME;
        private String service;
        private Boolean captureResponse;
        private Boolean captureError;
        private Boolean disabled;
        private String daemonAddress;
        private Clock clock = Clock.systemUTC();
        private PrintStream reports = System.err;

        private Builder() {
        }

        /**
         * The handler subsegment's name (default {@value TracingOptions#DEFAULT_SEGMENT_NAME}).
         *
         * @param segmentName 1 to 200 letters, digits, whitespace or {@code _ . : / % & # = + \ - @}
         * @return this builder
         */
        public Builder segmentName(String segmentName) {
            this.segmentName = segmentName;
            return this;
        }

        /**
         * The service (default {@code POWERTOOLS_SERVICE_NAME}, else {@code service_undefined}).
         *
         * @param service the service
         * @return this builder
         */
        public Builder service(String service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * Whether the response is written as metadata (default {@code POWERTOOLS_TRACER_CAPTURE_RESPONSE},
         * else true). Turn it off for responses that are large or hold personal data.
         *
         * @param capture true to capture
         * @return this builder
         */
        public Builder captureResponse(boolean capture) {
            this.captureResponse = capture;
            return this;
        }

        /**
         * Whether an exception's type, message and stack are written as the cause (default
         * {@code POWERTOOLS_TRACER_CAPTURE_ERROR}, else true); the subsegment is marked
         * {@code fault} either way.
         *
         * @param capture true to capture
         * @return this builder
         */
        public Builder captureError(boolean capture) {
            this.captureError = capture;
            return this;
        }

        /**
         * Turns tracing off or on regardless of {@code POWERTOOLS_TRACE_DISABLED}.
         *
         * @param disabled true to record nothing
         * @return this builder
         */
        public Builder disabled(boolean disabled) {
            this.disabled = disabled;
            return this;
        }

        /**
         * The X-Ray daemon's address (default {@code AWS_XRAY_DAEMON_ADDRESS}, else
         * {@code 127.0.0.1:2000}).
         *
         * @param address {@code host:port} or {@code tcp:host:port udp:host:port}
         * @return this builder
         */
        public Builder daemonAddress(String address) {
            this.daemonAddress = Objects.requireNonNull(address, "address");
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
         * The clock of start and end times (default: the system clock, microsecond precision).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where documents that could not be sent are reported (default: standard error, which
         * Lambda writes to the function's log).
         *
         * @param reports the stream
         * @return this builder
         */
        public Builder reportTo(PrintStream reports) {
            this.reports = Objects.requireNonNull(reports, "reports");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException when the segment name breaks X-Ray's rules
         * @throws io.powertools.core.config.ConfigurationException when a variable or the daemon
         *     address is invalid
         */
        public TracingOptions build() {
            Names.subsegmentName(segmentName);
            ExecutionEnvironment environment = executionEnvironment != null ? executionEnvironment
                    : ExecutionEnvironment.get();
            return new TracingOptions(TracingConfig.resolve(environment, disabled, service, captureResponse,
                    captureError, daemonAddress, clock, reports), segmentName);
        }
    }
}
