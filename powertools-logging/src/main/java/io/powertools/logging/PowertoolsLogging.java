package io.powertools.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.powertools.core.Invocation;
import io.powertools.core.json.JsonSupport;
import io.powertools.logging.internal.EventJson;
import io.powertools.logging.internal.InternalLog;
import io.powertools.logging.internal.LogBuffer;
import io.powertools.logging.internal.LogState;
import io.powertools.logging.internal.Redactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The functional API of powertools-logging: wrap a handler once at init and every call logs with
 * the Lambda context, whatever else runs concurrently in the JVM.
 *
 * <pre>{@code
 * public class OrderHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
 *     private static final Logger LOG = LoggerFactory.getLogger(OrderHandler.class);
 *     private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler =
 *             PowertoolsLogging.decorate(this::handle, LoggingOptions.builder()
 *                     .correlationIdPath(CorrelationIdPaths.API_GATEWAY_REST).build());
 *
 *     public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
 *         return handler.handleRequest(event, context);
 *     }
 *
 *     private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
 *         LOG.info("Handling order");   // carries function_request_id, cold_start, correlation_id...
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The {@link Logging} annotation does the same through AspectJ.
 */
public final class PowertoolsLogging {

    private PowertoolsLogging() {
    }

    /**
     * Reads and validates the logging environment variables and applies the log level. Called by
     * {@code decorate(..)} and by the constructor of {@link Logging}-woven handlers, so errors
     * surface at init; calling it again does nothing.
     *
     * @return the settings in effect
     * @throws io.powertools.core.config.ConfigurationException when a variable is invalid
     */
    public static LoggingConfiguration initialize() {
        return LoggingRuntime.get().configuration();
    }

    /**
     * Wraps a handler so each call runs with logging set up.
     *
     * @param handler the handler
     * @param options what to log besides the user's lines
     * @param <I> the event type
     * @param <O> the response type
     * @return the wrapped handler
     * @throws io.powertools.core.config.ConfigurationException when a variable is invalid
     */
    public static <I, O> RequestHandler<I, O> decorate(RequestHandler<I, O> handler, LoggingOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        enableSamplingIfNeeded(options);
        Logger logger = decoratorLogger(handler);
        return (event, context) -> DecoratedInvocation.run(event, context, options, logger,
                () -> handler.handleRequest(event, context));
    }

    /**
     * Wraps a stream handler. When the event is logged or a correlation id path is set, the input is
     * read once and handed to the handler as a fresh stream. The response of a stream handler is
     * not logged.
     *
     * @param handler the handler
     * @param options what to log
     * @return the wrapped handler
     */
    public static RequestStreamHandler decorate(RequestStreamHandler handler, LoggingOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        enableSamplingIfNeeded(options);
        Logger logger = decoratorLogger(handler);
        if (options.logResponse().orElse(false)) {
            InternalLog.warn("logResponse is not supported for RequestStreamHandler " + handler.getClass().getName()
                    + ": the response stream is not logged");
        }
        return (input, output, context) -> {
            StreamCall call = StreamCall.prepare(input, options, LoggingRuntime.get().configuration());
            DecoratedInvocation.run(call.event, context, options, logger, () -> {
                handler.handleRequest(call.input, output, context);
                return null;
            });
        };
    }

    /**
     * The logger of the decorator's own lines: the handler's class, or for a lambda or method
     * reference the class that declares it, so the name is the same on every JVM start (a lambda's
     * own class is named {@code OrderHandler$$Lambda/0x...} with a per-process suffix).
     */
    private static Logger decoratorLogger(Object handler) {
        String name = handler.getClass().getName();
        int synthetic = name.indexOf("$$Lambda");
        return LogManager.getLogger(synthetic > 0 ? name.substring(0, synthetic) : name);
    }

    /**
     * Runs a handler body with logging set up: opens (or joins) the invocation, decides sampling,
     * extracts the correlation id, logs the event, response and uncaught exception as configured.
     * An exception from the body is rethrown unchanged.
     *
     * @param event the event the handler received
     * @param context the Lambda context
     * @param options what to log
     * @param body the handler's work
     * @param <T> the response type
     * @param <X> the checked exception type of the body
     * @return the body's result
     * @throws X what the body threw
     */
    public static <T, X extends Throwable> T withLogging(Object event, Context context, LoggingOptions options,
            HandlerCall<T, X> body) throws X {
        enableSamplingIfNeeded(options);
        return DecoratedInvocation.run(event, context, options, InternalLog.logger(), body);
    }

    /**
     * Like {@link #withLogging(Object, Context, LoggingOptions, HandlerCall)}, logging the event,
     * response and error lines under the given logger.
     *
     * @param event the event
     * @param context the Lambda context
     * @param options what to log
     * @param logger the logger for the decorator's own lines
     * @param body the handler's work
     * @param <T> the response type
     * @param <X> the checked exception type of the body
     * @return the body's result
     * @throws X what the body threw
     */
    public static <T, X extends Throwable> T withLogging(Object event, Context context, LoggingOptions options,
            Logger logger, HandlerCall<T, X> body) throws X {
        enableSamplingIfNeeded(options);
        return DecoratedInvocation.run(event, context, options, logger, body);
    }

    /**
     * The correlation id of the current invocation.
     *
     * @return the id, or empty outside an invocation or when none was found or set
     */
    public static Optional<String> correlationId() {
        LogState state = LogState.current();
        return state == null ? Optional.empty() : Optional.ofNullable(state.correlationId());
    }

    /**
     * Sets the correlation id of the current invocation (e.g. from a header the path cannot reach).
     *
     * @param correlationId the id; null removes it
     * @throws IllegalStateException outside an invocation
     */
    public static void setCorrelationId(String correlationId) {
        LogState.of(Invocation.require()).correlationId(correlationId);
    }

    /**
     * Whether the current invocation was sampled to log DEBUG.
     *
     * @return true when sampled; false outside an invocation
     */
    public static boolean isSampled() {
        LogState state = LogState.current();
        return state != null && state.isSampled();
    }

    /**
     * Writes out the lines the current invocation has buffered (see the buffering appender), for
     * example before returning an error response without throwing.
     */
    public static void flushBuffer() {
        LogState state = LogState.current();
        LogBuffer buffer = state == null ? null : state.buffer();
        if (buffer != null) {
            buffer.flush();
        }
    }

    static Redactor redactor() {
        return LoggingRuntime.get().redactor();
    }

    /**
     * Checks options against the environment as {@code decorate} does at init: an event line needs
     * JSON support, which is optional ({@link JsonSupport}). The {@code @Logging} aspect calls it
     * when the handler is constructed.
     *
     * @param options the options
     * @throws io.powertools.core.config.ConfigurationException when logEvent is on and Jackson is missing
     */
    public static void validate(LoggingOptions options) {
        if (!JsonSupport.isAvailable() && options.resolveLogEvent(LoggingRuntime.get().configuration())) {
            JsonSupport.require("logEvent (LoggingOptions.logEvent, @Logging(logEvent) or POWERTOOLS_LOGGER_LOG_EVENT)");
        }
    }

    private static void enableSamplingIfNeeded(LoggingOptions options) {
        LoggingRuntime.get();
        validate(options);
        if (options.samplingRate().orElse(0.0) > 0) {
            io.powertools.logging.internal.Switches.enableSampling();
        }
    }

    /** The input of a stream handler call, read when the decorator needs to look at the event. */
    private static final class StreamCall {
        final Object event;
        final InputStream input;

        private StreamCall(Object event, InputStream input) {
            this.event = event;
            this.input = input;
        }

        static StreamCall prepare(InputStream input, LoggingOptions options, LoggingConfiguration configuration)
                throws IOException {
            if (!options.resolveLogEvent(configuration) && options.correlationPathOrNull() == null) {
                return new StreamCall(null, input);
            }
            byte[] bytes = input.readAllBytes();
            return new StreamCall(EventJson.parseOrText(bytes), new ByteArrayInputStream(bytes));
        }
    }

}
