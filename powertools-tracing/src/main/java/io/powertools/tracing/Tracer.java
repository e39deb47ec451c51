package io.powertools.tracing;

import io.powertools.core.Invocation;
import io.powertools.tracing.internal.Names;
import io.powertools.tracing.internal.Span;
import io.powertools.tracing.internal.TraceState;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Records X-Ray subsegments, annotations and metadata for the current invocation.
 *
 * <pre>{@code
 * Order order = Tracer.subsegment("## loadOrder", () -> repository.load(id));
 * Tracer.putAnnotation("OrderId", order.id());
 * Tracer.putMetadata("order", order);
 * }</pre>
 *
 * <p>The tree lives in the current {@link Invocation}, never in a static or a thread, so
 * concurrent invocations of one JVM never mix: a subsegment nests under the innermost one open on
 * the same thread in the same invocation, else under the handler's subsegment ({@link HandlerTracer},
 * {@link Tracing}), else directly under the function's segment. Worker threads running inside the
 * invocation ({@link Invocation#wrap(Runnable)}, {@link Invocation#propagating(java.util.concurrent.ExecutorService)})
 * nest under the handler's subsegment.
 *
 * <p>Names, keys and values are checked against X-Ray's rules at every call, recorded or not, and
 * a breach throws an {@link IllegalArgumentException} naming the rule; so a mistake shows in tests
 * even where nothing is sampled. Outside an invocation, in an unsampled one, with tracing disabled
 * or while SnapStart primes, the body simply runs and nothing is recorded or sent.
 */
public final class Tracer {

    /** The metadata namespace of {@link #putMetadata(String, Object)}. */
    public static final String DEFAULT_NAMESPACE = "default";

    private Tracer() {
    }

    /**
     * Runs a body as a subsegment; an exception marks it {@code fault} and (when errors are
     * captured) becomes its cause, then propagates unchanged.
     *
     * @param name 1 to 200 letters, digits, whitespace or {@code _ . : / % & # = + \ - @}
     * @param body the work
     * @param <T> the result type
     * @return the body's result
     */
    public static <T> T subsegment(String name, Supplier<T> body) {
        Names.subsegmentName(name);
        Objects.requireNonNull(body, "body");
        TraceState state = TraceState.current();
        Span span = state.begin(name, null);
        if (span == null) {
            return body.get();
        }
        try {
            return body.get();
        } catch (RuntimeException | Error failure) {
            state.fail(span, state.config().captureError() ? failure : null);
            throw failure;
        } finally {
            state.end(span);
        }
    }

    /**
     * Runs a body without result as a subsegment.
     *
     * @param name the subsegment's name, as for {@link #subsegment(String, Supplier)}
     * @param body the work
     */
    public static void subsegment(String name, Runnable body) {
        Objects.requireNonNull(body, "body");
        subsegment(name, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Annotates the current subsegment with a string; X-Ray indexes annotations for filter
     * expressions ({@code annotation.OrderId = "42"}).
     *
     * @param key 1 to 500 ASCII letters, digits or underscores
     * @param value at most 1,000 characters
     * @throws IllegalStateException when the invocation is recorded but no subsegment is open
     */
    public static void putAnnotation(String key, String value) {
        annotate(key, value);
    }

    /**
     * Annotates the current subsegment with a number.
     *
     * @param key 1 to 500 ASCII letters, digits or underscores
     * @param value a finite number
     * @throws IllegalStateException when the invocation is recorded but no subsegment is open
     */
    public static void putAnnotation(String key, Number value) {
        annotate(key, value);
    }

    /**
     * Annotates the current subsegment with a boolean.
     *
     * @param key 1 to 500 ASCII letters, digits or underscores
     * @param value the value
     * @throws IllegalStateException when the invocation is recorded but no subsegment is open
     */
    public static void putAnnotation(String key, boolean value) {
        annotate(key, value);
    }

    /**
     * Adds metadata to the current subsegment in the {@value #DEFAULT_NAMESPACE} namespace.
     *
     * @param key the key
     * @param value strings, numbers, booleans, null, maps, iterables, arrays; other objects as
     *     JSON when Jackson is on the class path, else as their {@code toString()}. Rendered now.
     * @throws IllegalStateException when the invocation is recorded but no subsegment is open
     */
    public static void putMetadata(String key, Object value) {
        putMetadata(DEFAULT_NAMESPACE, key, value);
    }

    /**
     * Adds metadata to the current subsegment in a namespace.
     *
     * @param namespace not blank, not starting with {@code AWS.}
     * @param key the key
     * @param value as for {@link #putMetadata(String, Object)}
     * @throws IllegalStateException when the invocation is recorded but no subsegment is open
     */
    public static void putMetadata(String namespace, String key, Object value) {
        Names.metadataNamespace(namespace);
        Objects.requireNonNull(key, "key");
        TraceState state = TraceState.current();
        if (state.isRecording()) {
            state.putMetadata(requireSpan(state, "metadata '" + key + "'"), namespace, key, value);
        }
    }

    /**
     * Whether the current invocation records subsegments: sampled, tracing on, not priming. Use it
     * to skip building expensive metadata that would not be sent.
     *
     * @return true when subsegments of this invocation are sent
     */
    public static boolean isRecording() {
        return TraceState.current().isRecording();
    }

    private static void annotate(String key, Object value) {
        Names.annotationKey(key);
        Names.annotationValue(key, value);
        TraceState state = TraceState.current();
        if (state.isRecording()) {
            state.annotate(requireSpan(state, "annotation '" + key + "'"), key, value);
        }
    }

    private static Span requireSpan(TraceState state, String what) {
        Span span = state.currentSpan();
        if (span == null) {
            throw new IllegalStateException("No subsegment is open to hold " + what + " on thread '"
                    + Thread.currentThread().getName() + "': trace the handler with HandlerTracer or @Tracing, or "
                    + "call this inside Tracer.subsegment(..); the function's own segment belongs to Lambda and "
                    + "cannot be changed");
        }
        return span;
    }
}
