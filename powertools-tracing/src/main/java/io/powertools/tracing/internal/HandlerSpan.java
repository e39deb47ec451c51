package io.powertools.tracing.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.Invocation;

/**
 * Runs one handler call inside its subsegment: opens (or joins) the invocation, starts the
 * handler's subsegment with the {@code ColdStart} and {@code Service} annotations, captures the
 * response or the error as configured, and ends it. Shared by {@code HandlerTracer} and the
 * {@code @Tracing} aspect, so both styles produce the same documents.
 */
public final class HandlerSpan {

    /** The {@code ColdStart} annotation of the handler's subsegment, as Powertools names it. */
    public static final String COLD_START = "ColdStart";
    /** The {@code Service} annotation of the handler's subsegment. */
    public static final String SERVICE = "Service";

    /** A body that may throw anything the handler throws. */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the body.
         *
         * @return its result
         * @throws Throwable what the handler throws
         */
        T run() throws Throwable;
    }

    private HandlerSpan() {
    }

    /**
     * Runs a handler call traced.
     *
     * @param config the settings
     * @param name the subsegment's name (checked by the caller)
     * @param label what captured metadata keys start with (the method's name)
     * @param captureResponse whether the result goes into metadata
     * @param captureError whether the exception goes into the cause
     * @param event the event, or null
     * @param context the Lambda context
     * @param body the handler
     * @param <T> the result type
     * @return the handler's result
     * @throws Throwable what the handler throws
     */
    public static <T> T around(TracingConfig config, String name, String label, boolean captureResponse,
            boolean captureError, Object event, Context context, Body<T> body) throws Throwable {
        try (Invocation.Scope scope = config.executionEnvironment().open(event, context)) {
            return traced(config, scope.invocation(), name, null, label, captureResponse, captureError, body);
        }
    }

    /**
     * Runs a body as a subsegment of the current invocation, as the handler's subsegment when none
     * is open yet.
     *
     * @param config the settings
     * @param invocation the invocation
     * @param name the subsegment's name
     * @param namespace {@code aws}, {@code remote} or null
     * @param label what captured metadata keys start with
     * @param captureResponse whether the result goes into metadata
     * @param captureError whether the exception goes into the cause
     * @param body the body
     * @param <T> the result type
     * @return the body's result
     * @throws Throwable what the body throws
     */
    public static <T> T traced(TracingConfig config, Invocation invocation, String name, String namespace, String label,
            boolean captureResponse, boolean captureError, Body<T> body) throws Throwable {
        TraceState state = TraceState.of(invocation, config);
        if (!state.isRecording()) {
            return body.run();
        }
        boolean outermost = state.currentSpan() == null;
        Span span = outermost ? state.beginHandler(name, namespace) : state.begin(name, namespace);
        if (state.isHandler(span)) {
            state.annotate(span, COLD_START, invocation.isColdStart());
            state.annotate(span, SERVICE, config.service());
        }
        try {
            T result = body.run();
            if (captureResponse) {
                state.putMetadata(span, config.service(), label + " response", result);
            }
            return result;
        } catch (Throwable failure) {
            state.fail(span, captureError ? failure : null);
            throw failure;
        } finally {
            state.end(span);
        }
    }
}
