package io.powertools.metrics.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.Invocation;
import io.powertools.core.InvocationLocal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler call with metrics: opens (or joins) the invocation, installs its
 * {@link MetricSet}, writes the cold-start metric, and flushes when the call ends, whether it
 * returned or threw. Immutable and shared by all invocations.
 */
public final class FlushEngine {

    /**
     * The metric set of each invocation. Code that adds metrics in an invocation no flusher wraps
     * gets a set with the environment defaults, flushed when the invocation closes, so nothing is
     * silently dropped. A flusher leaves its set closed in the slot when it finishes: what is added
     * after that is refused at the call instead of starting a set nobody flushes as configured.
     */
    public static final InvocationLocal<MetricSet> SLOT =
            InvocationLocal.withInitial("powertools-metrics", FlushEngine::createDefault);

    private static final Logger LOG = LoggerFactory.getLogger(FlushEngine.class);

    private final MetricsConfig config;

    /**
     * Creates the engine of one flusher.
     *
     * @param config its configuration
     */
    public FlushEngine(MetricsConfig config) {
        this.config = config;
    }

    /**
     * A handler body that may throw anything, as an AspectJ {@code proceed()} does.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the body.
         *
         * @return the result
         * @throws Throwable whatever the body throws
         */
        T run() throws Throwable;
    }

    /**
     * Runs the body inside the invocation of this call with metrics collected and flushed.
     *
     * @param event the handler's event
     * @param context the handler's context
     * @param body the handler's work
     * @param <T> the result type
     * @return the body's result
     * @throws Throwable what the body threw (a flush failure is added as suppressed), or the
     *     flush failure when the body succeeded
     */
    public <T> T around(Object event, Context context, Body<T> body) throws Throwable {
        try (Invocation.Scope scope = config.executionEnvironment().open(event, context)) {
            Invocation invocation = scope.invocation();
            Optional<MetricSet> outer = SLOT.find(invocation);
            if (outer.isPresent() && !outer.get().isClosed()) {
                // An enclosing flusher owns this invocation's metrics and flushes them.
                return body.run();
            }
            // A closed set is an earlier flusher's in the same invocation: this one starts fresh.
            MetricSet set = new MetricSet(config, invocation);
            SLOT.set(invocation, set);
            try {
                boolean coldStart = captureColdStart(invocation, context);
                T result;
                try {
                    result = body.run();
                } catch (Throwable failure) {
                    try {
                        finish(set, coldStart);
                    } catch (RuntimeException flushFailure) {
                        failure.addSuppressed(flushFailure);
                    }
                    throw failure;
                }
                finish(set, coldStart);
                return result;
            } finally {
                // Closed even when the cold-start blob failed before the body ran; closing twice does nothing.
                set.close();
            }
        }
    }

    private boolean captureColdStart(Invocation invocation, Context context) {
        if (!config.captureColdStart() || !invocation.isColdStart() || invocation.isPriming() || config.disabled()) {
            return false;
        }
        ImmediateBlobs.writeColdStart(config, invocation, context.getFunctionName());
        return true;
    }

    private void finish(MetricSet set, boolean coldStartWritten) {
        Invocation invocation = set.invocation();
        boolean hadMetrics = set.close();
        if (hadMetrics || set.flushedAny() || invocation.isPriming()) {
            return;
        }
        if (config.raiseOnEmptyMetrics()) {
            throw new IllegalStateException("No metrics were added in invocation " + invocation.requestId()
                    + " and raiseOnEmptyMetrics is on: add at least one metric, or turn raiseOnEmptyMetrics off");
        }
        if (!coldStartWritten) {
            LOG.warn("No metrics were added in invocation {}: nothing was written to CloudWatch", invocation.requestId());
        }
    }

    private static MetricSet createDefault() {
        Invocation invocation = Invocation.require();
        MetricsConfig defaults = MetricsConfig.defaults(invocation.executionEnvironment());
        if (!invocation.isOpen()) {
            // A task that outlived its invocation: its calls are refused, naming what they recorded.
            return MetricSet.closed(defaults, invocation);
        }
        MetricSet set = new MetricSet(defaults, invocation);
        try {
            invocation.onClose(set::close);
        } catch (IllegalStateException closedMeanwhile) {
            return MetricSet.closed(defaults, invocation);
        }
        return set;
    }

    /**
     * The configuration of this engine.
     *
     * @return the configuration
     */
    public MetricsConfig config() {
        return config;
    }
}
