package io.powertools.tracing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.powertools.tracing.internal.HandlerSpan;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Traces each call of a handler as one subsegment of the function's X-Ray segment, annotated with
 * {@code ColdStart} and {@code Service}, with the response and error captured as configured.
 * Subsegments the handler records ({@link Tracer#subsegment(String, Supplier)}, AWS SDK calls
 * through {@link io.powertools.tracing.sdk.TracingInterceptor}) nest under it, including those of
 * worker threads running inside the invocation ({@code Invocation.wrap}).
 *
 * <pre>{@code
 * public class Handler implements RequestHandler<Order, String> {
 *     private static final HandlerTracer TRACER = HandlerTracer.of(TracingOptions.builder().service("orders").build());
 *     private final RequestHandler<Order, String> traced = TRACER.decorate(this::handle);
 *
 *     public String handleRequest(Order order, Context context) {
 *         return traced.handleRequest(order, context);
 *     }
 * }
 * }</pre>
 *
 * <p>The trace id, parent and sampling decision come from the invocation's own trace header
 * ({@code Context.getXrayTraceId()}), never from a process-wide variable, so concurrent invocations
 * of one JVM each land in their own trace. Unsampled invocations record and send nothing.
 */
public final class HandlerTracer {

    private final TracingOptions options;

    private HandlerTracer(TracingOptions options) {
        this.options = options;
    }

    /**
     * Creates a tracer.
     *
     * @param options its settings
     * @return the tracer
     */
    public static HandlerTracer of(TracingOptions options) {
        return new HandlerTracer(Objects.requireNonNull(options, "options"));
    }

    /**
     * A tracer configured by the environment variables only.
     *
     * @return the tracer
     * @throws io.powertools.core.config.ConfigurationException when a variable is invalid
     */
    public static HandlerTracer fromEnvironment() {
        return of(TracingOptions.fromEnvironment());
    }

    /**
     * The settings of this tracer.
     *
     * @return the options
     */
    public TracingOptions options() {
        return options;
    }

    /**
     * Wraps a handler so each call is traced.
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
     * Wraps a stream handler so each call is traced (its response is not captured: it is a stream).
     *
     * @param handler the handler
     * @return the decorated handler
     */
    public RequestStreamHandler decorate(RequestStreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return (input, output, context) -> {
            try {
                HandlerSpan.around(options.config(), options.segmentName(), label(), false,
                        options.captureError(), input, context, () -> {
                            handler.handleRequest(input, output, context);
                            return null;
                        });
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    /**
     * Runs a handler body traced.
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
            return HandlerSpan.around(options.config(), options.segmentName(), label(), options.captureResponse(),
                    options.captureError(), event, context, body::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // A Supplier cannot throw checked exceptions; only sneaky throws get here.
            throw new IllegalStateException(t);
        }
    }

    /**
     * Runs a handler body without result traced.
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

    /** The segment name without Powertools' {@code "## "} prefix, for metadata keys. */
    private String label() {
        String name = options.segmentName();
        return name.startsWith("## ") ? name.substring(3) : name;
    }
}
