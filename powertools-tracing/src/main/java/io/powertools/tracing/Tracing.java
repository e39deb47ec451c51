package io.powertools.tracing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call of the annotated method as a subsegment. On the handler method it is the
 * handler's subsegment (with {@code ColdStart} and {@code Service} annotations, like
 * {@link HandlerTracer}); on any other method called inside an invocation it is a subsegment
 * nested under the current one. A thin shell over the functional API; the module's AspectJ aspect
 * must be woven (aspectj-maven-plugin with {@code io.powertools:powertools-tracing} as an aspect
 * library).
 *
 * <pre>{@code
 * @Tracing(captureMode = CaptureMode.ERROR)
 * public String handleRequest(Order order, Context context) {
 *     return save(order);
 * }
 *
 * @Tracing(segmentName = "## save")
 * String save(Order order) { ... }
 * }</pre>
 *
 * <p>The handler method must take the Lambda {@code Context} as a parameter (the usual
 * {@code handleRequest} signatures do), or run inside an invocation another utility opened.
 * Settings are resolved on the first call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tracing {

    /**
     * The subsegment's name; empty means {@code "## " + method name}, as Powertools names it.
     *
     * @return the name
     */
    String segmentName() default "";

    /**
     * The subsegment's namespace: empty for local work, {@code remote} for a call to another
     * service, {@code aws} for a call to AWS.
     *
     * @return the namespace
     */
    String namespace() default "";

    /**
     * What is recorded of the outcome.
     *
     * @return the capture mode
     */
    CaptureMode captureMode() default CaptureMode.ENVIRONMENT_VAR;
}
