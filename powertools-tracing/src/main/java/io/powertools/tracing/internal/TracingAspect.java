package io.powertools.tracing.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.tracing.CaptureMode;
import io.powertools.tracing.Tracing;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * Weaves {@link Tracing}: a thin shell over {@link HandlerSpan}, with the settings of each
 * annotated method resolved once, on its first call.
 */
@Aspect
public class TracingAspect {

    /** Per annotated method: configuration, never per-request state. */
    private final ConcurrentHashMap<JoinPoint.StaticPart, Settings> settings = new ConcurrentHashMap<>();

    private record Settings(TracingConfig config, String name, String namespace, String label,
            boolean captureResponse, boolean captureError) {
    }

    /**
     * Runs an annotated method as a subsegment.
     *
     * @param joinPoint the call
     * @param tracing the annotation
     * @return the method's result
     * @throws Throwable what the method throws, or a configuration failure
     */
    @Around("execution(* *(..)) && @annotation(tracing)")
    public Object around(ProceedingJoinPoint joinPoint, Tracing tracing) throws Throwable {
        Settings resolved = settings.get(joinPoint.getStaticPart());
        if (resolved == null) {
            resolved = settings.computeIfAbsent(joinPoint.getStaticPart(), part -> settingsOf(part, tracing));
        }
        Object[] args = joinPoint.getArgs();
        Context context = null;
        for (Object arg : args) {
            if (arg instanceof Context found) {
                context = found;
                break;
            }
        }
        if (context == null) {
            Invocation current = Invocation.currentOrNull();
            if (current == null) {
                // Neither a handler nor inside one (init code, a test calling it directly): nothing to trace.
                return joinPoint.proceed();
            }
            return HandlerSpan.traced(resolved.config, current, resolved.name, resolved.namespace, resolved.label,
                    resolved.captureResponse, resolved.captureError, joinPoint::proceed);
        }
        Object event = args.length > 0 && !(args[0] instanceof Context) ? args[0] : null;
        // Opens the invocation, or joins it when an outer utility opened it for the same request.
        try (Invocation.Scope scope = resolved.config.executionEnvironment().open(event, context)) {
            return HandlerSpan.traced(resolved.config, scope.invocation(), resolved.name, resolved.namespace,
                    resolved.label, resolved.captureResponse, resolved.captureError, joinPoint::proceed);
        }
    }

    private static Settings settingsOf(JoinPoint.StaticPart part, Tracing tracing) {
        TracingConfig config = TracingConfig.resolve(ExecutionEnvironment.get(), null, null, null, null, null,
                Clock.systemUTC(), (PrintStream) System.err);
        String method = part.getSignature().getName();
        String name = Names.subsegmentName(tracing.segmentName().isEmpty() ? "## " + method : tracing.segmentName());
        String namespace = Names.namespace(tracing.namespace());
        CaptureMode mode = tracing.captureMode();
        boolean response = switch (mode) {
            case ENVIRONMENT_VAR -> config.captureResponse();
            case RESPONSE, RESPONSE_AND_ERROR -> true;
            case ERROR, DISABLED -> false;
        };
        boolean error = switch (mode) {
            case ENVIRONMENT_VAR -> config.captureError();
            case ERROR, RESPONSE_AND_ERROR -> true;
            case RESPONSE, DISABLED -> false;
        };
        return new Settings(config, name, namespace, method, response, error);
    }
}
