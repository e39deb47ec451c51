package io.powertools.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.metrics.internal.FlushEngine;
import io.powertools.metrics.internal.ImmediateBlobs;
import io.powertools.metrics.internal.MetricSet;
import io.powertools.metrics.internal.MetricsConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records CloudWatch metrics for the current invocation, written as Embedded Metric Format
 * when the invocation ends.
 *
 * <pre>{@code
 * Metrics.addDimension("Channel", "web");
 * Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
 * Metrics.addMetric("Latency", 12.5, MetricUnit.MILLISECONDS, MetricResolution.HIGH);
 * Metrics.addMetadata("orderId", order.id());
 * }</pre>
 *
 * <p>The metrics live in the current {@link Invocation}, never in a static or a thread, so
 * concurrent invocations of one JVM never mix; worker threads running inside the invocation
 * ({@link Invocation#wrap(Runnable)}, {@link Invocation#propagating(java.util.concurrent.ExecutorService)})
 * add to the same set. Every call is validated against the EMF rules at once and throws an
 * {@link IllegalArgumentException} naming the broken rule, so a flush never writes a blob
 * CloudWatch would reject.
 *
 * <p>When the flusher of an invocation has finished (or the invocation has closed), its metrics are
 * written for good: a call after that, for example from a background task that outlived the
 * handler, throws an {@link IllegalStateException} naming what it could not record, instead of
 * losing it in silence or failing another scope.
 *
 * <p>Use {@link FlushMetrics}, {@link MetricsFlusher} or {@link #flushing(RequestHandler, MetricsOptions)}
 * to choose the namespace, service and cold-start metric. Metrics added in an invocation no
 * flusher wraps use the environment variables and are written when the invocation closes.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Adds a value with standard resolution. Adding a name again adds a value to the same metric.
     *
     * @param name the metric name (1-255 characters)
     * @param value the value (finite)
     * @param unit the unit
     * @throws IllegalArgumentException when a rule is broken
     * @throws IllegalStateException outside an invocation, or after its metrics were flushed for good
     */
    public static void addMetric(String name, double value, MetricUnit unit) {
        set().addMetric(name, value, unit, MetricResolution.STANDARD);
    }

    /**
     * Adds a value.
     *
     * @param name the metric name (1-255 characters)
     * @param value the value (finite)
     * @param unit the unit
     * @param resolution the storage resolution; one name keeps one resolution
     * @throws IllegalArgumentException when a rule is broken
     * @throws IllegalStateException outside an invocation, or after its metrics were flushed for good
     */
    public static void addMetric(String name, double value, MetricUnit unit, MetricResolution resolution) {
        set().addMetric(name, value, unit, resolution);
    }

    /**
     * Adds a value without unit ({@link MetricUnit#NONE}).
     *
     * @param name the metric name
     * @param value the value
     * @throws IllegalArgumentException when a rule is broken
     * @throws IllegalStateException outside an invocation, or after its metrics were flushed for good
     */
    public static void addMetric(String name, double value) {
        set().addMetric(name, value, MetricUnit.NONE, MetricResolution.STANDARD);
    }

    /**
     * Adds a dimension to this invocation's metrics, or replaces the value of one (a default
     * dimension included) for this invocation.
     *
     * @param key the key (1-250 printable ASCII, not starting with {@code :})
     * @param value the value (1-1024 printable ASCII)
     * @throws IllegalArgumentException when a rule is broken, including more than 30 dimensions
     * @throws IllegalStateException outside an invocation, or after its metrics were flushed for good
     */
    public static void addDimension(String key, String value) {
        set().addDimension(key, value);
    }

    /**
     * Adds metadata: a member of the blob searchable in CloudWatch Logs, not a metric.
     *
     * @param key the key
     * @param value strings, numbers, booleans, null, or maps and lists of them; copied now
     * @throws IllegalArgumentException when a rule is broken
     * @throws IllegalStateException outside an invocation, or after its metrics were flushed for good
     */
    public static void addMetadata(String key, Object value) {
        set().addMetadata(key, value);
    }

    /**
     * Sets the namespace of this invocation's metrics, overriding the configured one.
     *
     * @param namespace 1-255 characters of {@code [a-zA-Z0-9._#:/-]}
     * @throws IllegalArgumentException when the namespace is invalid
     * @throws IllegalStateException outside an invocation, or after its metrics were flushed for good
     */
    public static void setNamespace(String namespace) {
        set().setNamespace(namespace);
    }

    /**
     * Sets the timestamp of this invocation's metrics (default: when they are flushed).
     *
     * @param timestamp at most 14 days in the past and 2 hours in the future
     * @throws IllegalArgumentException when outside that window
     * @throws IllegalStateException outside an invocation, or after its metrics were flushed for good
     */
    public static void setTimestamp(Instant timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        set().setTimestamp(timestamp.toEpochMilli());
    }

    /**
     * Writes this invocation's metrics now and starts a new set (dimensions back to the
     * defaults). The flusher still writes what is added afterwards.
     *
     * @throws IllegalStateException outside an invocation, when no namespace is configured, when the
     *     timestamp set on the metrics has left CloudWatch's window since, or after the metrics were
     *     flushed for good
     */
    public static void flush() {
        set().flush();
    }

    /**
     * Writes one metric at once, with its own namespace and only the given dimensions, apart
     * from this invocation's other metrics. Works outside an invocation too (for example at init).
     *
     * @param name the metric name
     * @param value the value
     * @param unit the unit
     * @param namespace the namespace
     * @param dimensions the dimensions (at most 30), in order; may be empty
     * @throws IllegalArgumentException when a rule is broken
     */
    public static void flushSingleMetric(String name, double value, MetricUnit unit, String namespace,
            Map<String, String> dimensions) {
        flushSingleMetric(name, value, unit, MetricResolution.STANDARD, namespace, dimensions);
    }

    /**
     * Like {@link #flushSingleMetric(String, double, MetricUnit, String, Map)} with a resolution.
     *
     * @param name the metric name
     * @param value the value
     * @param unit the unit
     * @param resolution the storage resolution
     * @param namespace the namespace
     * @param dimensions the dimensions (at most 30), in order; may be empty
     * @throws IllegalArgumentException when a rule is broken
     */
    public static void flushSingleMetric(String name, double value, MetricUnit unit, MetricResolution resolution,
            String namespace, Map<String, String> dimensions) {
        Optional<Invocation> invocation = Invocation.current();
        MetricsConfig config = invocation.flatMap(FlushEngine.SLOT::find).map(MetricSet::config)
                .orElseGet(() -> MetricsConfig.defaults(invocation.map(Invocation::executionEnvironment)
                        .orElseGet(ExecutionEnvironment::get)));
        ImmediateBlobs.writeSingle(config, invocation.orElse(null), name, value, unit, resolution, namespace,
                dimensions);
    }

    /**
     * Wraps a handler so each call collects and flushes its metrics; same as
     * {@code MetricsFlusher.of(options).decorate(handler)}.
     *
     * @param handler the handler
     * @param options the settings
     * @param <I> the event type
     * @param <O> the result type
     * @return the decorated handler
     */
    public static <I, O> RequestHandler<I, O> flushing(RequestHandler<I, O> handler, MetricsOptions options) {
        return MetricsFlusher.of(options).decorate(handler);
    }

    /**
     * Runs a handler body with metrics collected and flushed at its end; same as
     * {@code MetricsFlusher.of(options).execute(event, context, body)}. Prefer a
     * {@link MetricsFlusher} built once when calling this on every request.
     *
     * @param event the handler's event
     * @param context the handler's context
     * @param options the settings
     * @param body the work
     * @param <T> the result type
     * @return the body's result
     */
    public static <T> T withMetrics(Object event, Context context, MetricsOptions options, Supplier<T> body) {
        return MetricsFlusher.of(options).execute(event, context, body);
    }

    private static MetricSet set() {
        return FlushEngine.SLOT.get();
    }
}
