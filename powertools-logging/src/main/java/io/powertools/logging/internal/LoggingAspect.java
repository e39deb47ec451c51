package io.powertools.logging.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.logging.Logging;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
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
     * Validates the configuration when a handler is constructed (Lambda does this at init), so an
     * invalid variable fails the init rather than the first request.
     */
    @Before("execution(com.amazonaws.services.lambda.runtime.RequestHandler+.new(..)) "
            + "|| execution(com.amazonaws.services.lambda.runtime.RequestStreamHandler+.new(..))")
    public void initialize() {
        PowertoolsLogging.initialize();
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
            target = targets.computeIfAbsent(joinPoint.getStaticPart(), part -> Target.of(part, logging));
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

        static Target of(JoinPoint.StaticPart part, Logging logging) {
            LoggingOptions.Builder builder = LoggingOptions.builder().clearState(logging.clearState());
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
            return new Target(builder.build(), LogManager.getLogger(part.getSignature().getDeclaringType()));
        }
    }
}
