package io.powertools.logging.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.logging.Logging;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Before;

/**
 * The {@link Logging} annotation's weaving: a thin shell over
 * {@link PowertoolsLogging#withLogging}. Options are built once per annotated method.
 */
@Aspect
public final class LoggingAspect {

    /** One entry per annotated method; the static part is a per-join-point singleton. */
    private final ConcurrentHashMap<JoinPoint.StaticPart, Target> targets = new ConcurrentHashMap<>();

    /**
     * Whether a handler class has an {@link Logging} method; computed once per class. When it has,
     * constructing the handler (Lambda does this at init) validates the environment and every
     * annotation's options, so a bad variable or a malformed correlation path fails the init, not
     * the first request. Handlers without {@code @Logging} are left alone.
     */
    private static final ClassValue<Boolean> VALIDATED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            boolean annotated = false;
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    Logging logging = method.getAnnotation(Logging.class);
                    if (logging != null) {
                        if (!annotated) {
                            PowertoolsLogging.initialize();
                            annotated = true;
                        }
                        Target.of(c, logging);
                    }
                }
            }
            return annotated;
        }
    };

    /**
     * Validates the configuration when a handler that uses {@code @Logging} is constructed.
     *
     * @param handler the handler being constructed
     */
    @Before("(execution(com.amazonaws.services.lambda.runtime.RequestHandler+.new(..)) "
            + "|| execution(com.amazonaws.services.lambda.runtime.RequestStreamHandler+.new(..))) && this(handler)")
    public void initialize(Object handler) {
        VALIDATED.get(handler.getClass());
    }

    /**
     * Runs an annotated handler method inside {@link PowertoolsLogging#withLogging}.
     *
     * @param joinPoint the handler call
     * @param logging the annotation
     * @return the handler's result
     * @throws Throwable what the handler threw, unchanged
     */
    @Around("execution(@io.powertools.logging.Logging * *(..)) && @annotation(logging)")
    public Object around(ProceedingJoinPoint joinPoint, Logging logging) throws Throwable {
        Object[] args = joinPoint.getArgs();
        Context context = null;
        for (Object arg : args) {
            if (arg instanceof Context) {
                context = (Context) arg;
                break;
            }
        }
        if (context == null) {
            // Not a handler signature: nothing to attach logging to.
            return joinPoint.proceed();
        }
        Object event = args.length > 0 && !(args[0] instanceof Context) ? args[0] : null;
        Target target = targets.get(joinPoint.getStaticPart());
        if (target == null) {
            target = targets.computeIfAbsent(joinPoint.getStaticPart(),
                    part -> Target.of(part.getSignature().getDeclaringType(), logging));
        }
        return PowertoolsLogging.withLogging(event, context, target.options, target.logger, joinPoint::proceed);
    }

    /** The options and logger of one annotated method. */
    private static final class Target {
        final LoggingOptions options;
        final Logger logger;

        private Target(LoggingOptions options, Logger logger) {
            this.options = options;
            this.logger = logger;
        }

        static Target of(Class<?> declaringType, Logging logging) {
            LoggingOptions.Builder builder = LoggingOptions.builder().clearState(logging.clearState())
                    .flushBufferOnUncaughtError(logging.flushBufferOnUncaughtError());
            if (logging.logEvent()) {
                builder.logEvent(true);
            }
            if (logging.logResponse()) {
                builder.logResponse(true);
            }
            if (logging.logError()) {
                builder.logError(true);
            }
            if (!logging.correlationIdPath().isEmpty()) {
                builder.correlationIdPath(logging.correlationIdPath());
            }
            if (logging.samplingRate() >= 0) {
                builder.samplingRate(logging.samplingRate());
            }
            LoggingOptions options = builder.build();
            PowertoolsLogging.validate(options);
            return new Target(options, LogManager.getLogger(declaringType));
        }
    }
}
