package io.powertools.logging;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.Invocation;
import io.powertools.core.json.JsonPath;
import io.powertools.logging.internal.EventJson;
import io.powertools.logging.internal.KeyValues;
import io.powertools.logging.internal.LogBuffer;
import io.powertools.logging.internal.LogState;
import io.powertools.logging.internal.LogValues;
import io.powertools.logging.internal.Redactor;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * What a logging decorator does around one handler call; the functional API and the
 * {@link Logging} aspect both end up here.
 */
final class DecoratedInvocation {

    // The messages Powertools for AWS Lambda (Java) writes: Logs Insights filters on them keep working.
    static final String EVENT_MESSAGE = "Handler Event";
    static final String RESPONSE_MESSAGE = "Handler Response";
    static final String ERROR_MESSAGE = "Exception in Lambda Handler";

    private DecoratedInvocation() {
    }

    static <T, X extends Throwable> T run(Object event, Context context, LoggingOptions options, Logger logger,
            HandlerCall<T, X> body) throws X {
        LoggingRuntime runtime = LoggingRuntime.get();
        try (Invocation.Scope scope = Invocation.open(event, context)) {
            Invocation invocation = scope.invocation();
            LogState state = LogState.of(invocation);
            if (!state.claimDecoration() || invocation.isPriming()) {
                // An outer logging decorator already handles this invocation, or this is a SnapStart
                // priming call whose event/response/error lines would only be noise.
                return body.call();
            }
            return decorated(invocation, state, options, runtime, logger, body);
        }
    }

    private static <T, X extends Throwable> T decorated(Invocation invocation, LogState state, LoggingOptions options,
            LoggingRuntime runtime, Logger logger, HandlerCall<T, X> body) throws X {
        LoggingConfiguration configuration = runtime.configuration();
        double rate = options.resolveSamplingRate(configuration);
        state.sampling(rate, rate > 0 && (rate >= 1.0 || ThreadLocalRandom.current().nextDouble() < rate));
        Object event = invocation.event();
        Object tree = null;
        JsonPath correlationPath = options.correlationPathOrNull();
        if (correlationPath != null) {
            tree = EventJson.tree(event);
            state.correlationId(EventJson.correlationId(correlationPath, tree));
        }
        if (options.resolveLogEvent(configuration)) {
            Object value = tree != null ? tree : event;
            logger.info(EVENT_MESSAGE, argument("event", value, runtime.redactor()));
        }
        boolean failed = false;
        try {
            T result = body.call();
            if (options.resolveLogResponse(configuration)) {
                logger.info(RESPONSE_MESSAGE, argument("response", result, runtime.redactor()));
            }
            return result;
        } catch (Throwable failure) {
            failed = true;
            LogBuffer buffer = state.buffer();
            if (buffer != null) {
                if (options.flushBufferOnUncaughtError()) {
                    buffer.flush();
                } else {
                    buffer.discard();
                }
            }
            if (options.resolveLogError(configuration) && state.claimErrorLog()) {
                logger.error(ERROR_MESSAGE, failure);
            }
            throw failure;
        } finally {
            if (!failed) {
                LogBuffer buffer = state.buffer();
                if (buffer != null) {
                    buffer.discard();
                }
            }
            if (options.clearState()) {
                ThreadContext.clearMap();
            }
        }
    }

    private static StructuredArgument argument(String key, Object value, Redactor redactor) {
        Object normalized = value == null ? null : LogValues.normalize(value, redactor);
        return new StructuredArgument(KeyValues.EMPTY.with(key, normalized));
    }
}
