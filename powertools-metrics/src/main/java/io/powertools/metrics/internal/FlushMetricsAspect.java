package io.powertools.metrics.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.metrics.EmfSink;
import io.powertools.metrics.FlushMetrics;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * Weaves {@link FlushMetrics}: a thin shell that hands each annotated call to a
 * {@link FlushEngine}, built once per annotated method on its first call.
 */
@Aspect
public class FlushMetricsAspect {

    /** One engine per annotated method: configuration, never per-request state. */
    private final ConcurrentHashMap<JoinPoint.StaticPart, FlushEngine> engines = new ConcurrentHashMap<>();

    /**
     * Runs an annotated handler method with metrics collected and flushed.
     *
     * @param joinPoint the call
     * @param flushMetrics the annotation
     * @return the method's result
     * @throws Throwable what the method throws, or a flush or configuration failure
     */
    @Around("execution(* *(..)) && @annotation(flushMetrics)")
    public Object around(ProceedingJoinPoint joinPoint, FlushMetrics flushMetrics) throws Throwable {
        Object[] args = joinPoint.getArgs();
        Context context = null;
        for (Object arg : args) {
            if (arg instanceof Context found) {
                context = found;
                break;
            }
        }
        if (context == null) {
            context = Invocation.current().map(Invocation::context).orElseThrow(() -> new IllegalStateException(
                    "@FlushMetrics on " + joinPoint.getSignature().toShortString()
                            + " needs a com.amazonaws.services.lambda.runtime.Context parameter (or an open Invocation)"));
        }
        FlushEngine engine = engines.get(joinPoint.getStaticPart());
        if (engine == null) {
            engine = engines.computeIfAbsent(joinPoint.getStaticPart(), part -> new FlushEngine(configOf(flushMetrics)));
        }
        Object event = args.length > 0 && !(args[0] instanceof Context) ? args[0] : null;
        return engine.around(event, context, joinPoint::proceed);
    }

    private static MetricsConfig configOf(FlushMetrics annotation) {
        return MetricsConfig.resolve(ExecutionEnvironment.get(), emptyToNull(annotation.namespace()),
                emptyToNull(annotation.service()), Map.of(), annotation.captureColdStart(),
                annotation.raiseOnEmptyMetrics(), emptyToNull(annotation.functionName()), EmfSink.stdout(),
                Clock.systemUTC(), true);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
