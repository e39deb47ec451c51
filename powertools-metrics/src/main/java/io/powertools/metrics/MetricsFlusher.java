package io.powertools.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.powertools.metrics.internal.FlushEngine;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Collects the metrics of each handler call and writes them as EMF when the call ends, whether
 * it returned or threw: the functional equivalent of {@link FlushMetrics}. Immutable; build one
 * at init and share it.
 *
 * <pre>{@code
 * public class Handler implements RequestHandler<Order, String> {
 *     private static final MetricsFlusher METRICS = MetricsFlusher.of(
 *             MetricsOptions.builder().namespace("Orders").captureColdStart(true).build());
 *     private static final RequestHandler<Order, String> HANDLER = METRICS.decorate(Handler::handle);
 *
 *     public String handleRequest(Order order, Context context) {
 *         return HANDLER.handleRequest(order, context);
 *     }
 *
 *     private static String handle(Order order, Context context) {
 *         Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
 *         return "ok";
 *     }
 * }
 * }</pre>
 *
 * <p>Nested flushers in one invocation do not flush twice: the outermost one owns the metrics.
 */
public final class MetricsFlusher {

    private final MetricsOptions options;
    private final FlushEngine engine;

    private MetricsFlusher(MetricsOptions options) {
        this.options = options;
        this.engine = new FlushEngine(options.config());
    }

    /**
     * Creates a flusher.
     *
     * @param options its settings
     * @return the flusher
     */
    public static MetricsFlusher of(MetricsOptions options) {
        return new MetricsFlusher(Objects.requireNonNull(options, "options"));
    }

    /**
     * A flusher configured only by the environment variables.
     *
     * @return the flusher
     * @throws io.powertools.core.config.ConfigurationException when no namespace is set or a
     *     variable is invalid
     */
    public static MetricsFlusher fromEnvironment() {
        return of(MetricsOptions.fromEnvironment());
    }

    /**
     * The settings of this flusher.
     *
     * @return the options
     */
    public MetricsOptions options() {
        return options;
    }

    /**
     * Wraps a handler so each call collects and flushes its metrics.
     *
     * @param handler the handler
     * @param <I> the event type
     * @param <O> the result type
     * @return the decorated handler
     */
    public <I, O> RequestHandler<I, O> decorate(RequestHandler<I, O> handler) {
        Objects.requireNonNull(handler, "handler");
        return (event, context) -> execute(event, context, () -> handler.handleRequest(event, context));
    }

    /**
     * Wraps a stream handler so each call collects and flushes its metrics.
     *
     * @param handler the handler
     * @return the decorated handler
     */
    public RequestStreamHandler decorate(RequestStreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return (input, output, context) -> {
            try {
                engine.around(input, context, () -> {
                    handler.handleRequest(input, output, context);
                    return null;
                });
            } catch (java.io.IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    /**
     * Runs a handler body with metrics collected and flushed at its end.
     *
     * @param event the handler's event
     * @param context the handler's context
     * @param body the work; runs on the calling thread inside the invocation
     * @param <T> the result type
     * @return the body's result
     */
    public <T> T execute(Object event, Context context, Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        try {
            return engine.around(event, context, body::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // A Supplier cannot throw checked exceptions; only sneaky throws get here.
            throw new IllegalStateException(t);
        }
    }

    /**
     * Runs a handler body without result with metrics collected and flushed at its end.
     *
     * @param event the handler's event
     * @param context the handler's context
     * @param body the work
     */
    public void execute(Object event, Context context, Runnable body) {
        Objects.requireNonNull(body, "body");
        execute(event, context, () -> {
            body.run();
            return null;
        });
    }
}
