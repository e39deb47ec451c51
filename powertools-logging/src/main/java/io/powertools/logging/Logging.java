package io.powertools.logging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns on powertools-logging for a handler method when the class is woven with the
 * powertools-logging aspect library (aspectj-maven-plugin, {@code aspectLibraries}). The aspect
 * calls {@link PowertoolsLogging#withLogging}, so both styles behave the same.
 *
 * <pre>{@code
 * public class Handler implements RequestHandler<Map<String, Object>, String> {
 *     @Logging(logEvent = true, correlationIdPath = CorrelationIdPaths.EVENT_BRIDGE)
 *     public String handleRequest(Map<String, Object> event, Context context) { ... }
 * }
 * }</pre>
 *
 * <p>The boolean options can only switch a behaviour on: {@code false} means "as the environment
 * variable says" (for example {@code POWERTOOLS_LOGGER_LOG_EVENT=true} logs events of every
 * handler).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Logging {

    /**
     * Logs the incoming event.
     *
     * @return true to log it; false defers to {@code POWERTOOLS_LOGGER_LOG_EVENT}
     */
    boolean logEvent() default false;

    /**
     * Logs the response.
     *
     * @return true to log it; false defers to {@code POWERTOOLS_LOGGER_LOG_RESPONSE}
     */
    boolean logResponse() default false;

    /**
     * Logs an uncaught exception once before it is rethrown unchanged.
     *
     * @return true to log it; false defers to {@code POWERTOOLS_LOGGER_LOG_ERROR}
     */
    boolean logError() default false;

    /**
     * JMESPath expression locating the correlation id in the event (see {@link CorrelationIdPaths}).
     *
     * @return the expression, or empty for none
     */
    String correlationIdPath() default "";

    /**
     * Share of invocations that log DEBUG.
     *
     * @return 0.0 to 1.0; a negative value means none. {@code POWERTOOLS_LOGGER_SAMPLE_RATE}, when
     *     set, takes precedence (as in Powertools for AWS Lambda (Java))
     */
    double samplingRate() default -1;

    /**
     * Clears the thread's Log4j ThreadContext (SLF4J MDC) when the invocation ends.
     *
     * @return true to clear it
     */
    boolean clearState() default false;

    /**
     * Whether an uncaught exception flushes the invocation's buffered lines (a
     * {@code <PowertoolsBuffering>} appender's) before it is rethrown.
     *
     * @return true to flush them, false to discard them
     */
    boolean flushBufferOnUncaughtError() default true;
}
