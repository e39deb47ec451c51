package io.powertools.tracing.internal;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Lazy;
import io.powertools.core.config.Environment;
import io.powertools.core.config.Variables;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tracing settings resolved once at init: explicit values first, then the Powertools variables.
 *
 * @param executionEnvironment where invocations open and variables are read
 * @param disabled {@code POWERTOOLS_TRACE_DISABLED}: record nothing
 * @param service the {@code Service} annotation and the namespace of captured responses and errors
 * @param captureResponse write the handler's response as metadata
 * @param captureError write the handler's exception as metadata besides its cause
 * @param client the daemon client
 * @param clock the clock of start and end times
 */
public record TracingConfig(ExecutionEnvironment executionEnvironment, boolean disabled, String service,
        boolean captureResponse, boolean captureError, DaemonClient client, Clock clock) {

    /** {@code POWERTOOLS_TRACE_DISABLED}. */
    public static final String TRACE_DISABLED = "POWERTOOLS_TRACE_DISABLED";
    /** {@code POWERTOOLS_TRACER_CAPTURE_RESPONSE}. */
    public static final String CAPTURE_RESPONSE = "POWERTOOLS_TRACER_CAPTURE_RESPONSE";
    /** {@code POWERTOOLS_TRACER_CAPTURE_ERROR}. */
    public static final String CAPTURE_ERROR = "POWERTOOLS_TRACER_CAPTURE_ERROR";

    private static final Lazy<TracingConfig> PROCESS = Lazy.of(() -> resolve(ExecutionEnvironment.get(),
            null, null, null, null, null, Clock.systemUTC(), System.err));
    /** One client per daemon address and report stream: configuration, never per-request state. */
    private static final Map<String, DaemonClient> CLIENTS = new ConcurrentHashMap<>();

    /**
     * The configuration of this process's environment variables, used by code that records
     * subsegments in an invocation no {@code HandlerTracer} opened.
     *
     * @return the configuration
     */
    public static TracingConfig process() {
        return PROCESS.get();
    }

    /**
     * Resolves settings: given values win, the rest come from the environment.
     *
     * @param executionEnvironment the environment
     * @param disabled explicit switch, or null for {@code POWERTOOLS_TRACE_DISABLED}
     * @param service explicit service, or null for {@code POWERTOOLS_SERVICE_NAME}
     * @param captureResponse explicit, or null for {@code POWERTOOLS_TRACER_CAPTURE_RESPONSE} (default true)
     * @param captureError explicit, or null for {@code POWERTOOLS_TRACER_CAPTURE_ERROR} (default true)
     * @param daemonAddress explicit address, or null for {@code AWS_XRAY_DAEMON_ADDRESS}
     * @param clock the clock
     * @param reports where drops are reported
     * @return the configuration
     * @throws io.powertools.core.config.ConfigurationException when a variable or value is invalid
     */
    public static TracingConfig resolve(ExecutionEnvironment executionEnvironment, Boolean disabled, String service,
            Boolean captureResponse, Boolean captureError, String daemonAddress, Clock clock, PrintStream reports) {
        Environment env = executionEnvironment.environment();
        boolean off = disabled != null ? disabled : env.getBoolean(TRACE_DISABLED, false);
        String serviceName = service != null ? service : executionEnvironment.serviceName();
        boolean response = captureResponse != null ? captureResponse : env.getBoolean(CAPTURE_RESPONSE, true);
        boolean error = captureError != null ? captureError : env.getBoolean(CAPTURE_ERROR, true);
        String address = daemonAddress != null ? daemonAddress : env.get(DaemonAddress.VARIABLE, DaemonAddress.DEFAULT);
        InetSocketAddress udp = DaemonAddress.parse(address);
        DaemonClient client = CLIENTS.computeIfAbsent(udp + "|" + System.identityHashCode(reports),
                key -> new DaemonClient(udp, reports));
        return new TracingConfig(executionEnvironment, off, Objects.requireNonNullElse(serviceName,
                Variables.DEFAULT_SERVICE_NAME), response, error, client, clock);
    }

    /** @return now, in microseconds since the epoch */
    long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
