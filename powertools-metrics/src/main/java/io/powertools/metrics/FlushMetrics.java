package io.powertools.metrics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Collects the metrics of each call of the annotated handler method and writes them as EMF when
 * the call ends. A thin shell over {@link MetricsFlusher}; the module's AspectJ aspect must be
 * woven into the handler (aspectj-maven-plugin with {@code io.powertools:powertools-metrics} as
 * an aspect library).
 *
 * <pre>{@code
 * @FlushMetrics(namespace = "Orders", captureColdStart = true)
 * public String handleRequest(Order order, Context context) {
 *     Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
 *     return "ok";
 * }
 * }</pre>
 *
 * <p>The method must take the Lambda {@code Context} as a parameter (the usual
 * {@code handleRequest} signatures do). Empty strings mean "not set": the environment variables
 * apply. Settings are resolved on the first call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FlushMetrics {

    /**
     * The namespace; empty means {@code POWERTOOLS_METRICS_NAMESPACE}.
     *
     * @return the namespace
     */
    String namespace() default "";

    /**
     * The service ({@code Service} dimension); empty means {@code POWERTOOLS_SERVICE_NAME}.
     *
     * @return the service
     */
    String service() default "";

    /**
     * The {@code FunctionName} of the cold-start metric; empty means
     * {@code POWERTOOLS_METRICS_FUNCTION_NAME}, else the function's name.
     *
     * @return the function name
     */
    String functionName() default "";

    /**
     * Whether the cold-start invocation writes a {@code ColdStart} metric.
     *
     * @return true to write it
     */
    boolean captureColdStart() default false;

    /**
     * Whether an invocation that added no metric fails.
     *
     * @return true to fail
     */
    boolean raiseOnEmptyMetrics() default false;
}
