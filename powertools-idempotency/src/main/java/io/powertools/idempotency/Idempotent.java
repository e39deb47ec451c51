package io.powertools.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method idempotent: a second call with the same key (within the expiration) returns the
 * stored result of the first instead of running again. Works on a {@code RequestHandler}'s
 * {@code handleRequest} (the key comes from the event) and on any other method (the key comes
 * from the parameter marked {@link IdempotencyKey}, or from the only parameter).
 *
 * <p>Every option left at its default takes the value of the configuration registered with
 * {@link Idempotency#configure(IdempotencyConfig)}; set one to give this method its own:
 *
 * <pre>{@code
 * @Idempotent(eventKeyJmesPath = "paymentId", payloadValidationJmesPath = "amount", expiration = "PT24H")
 * public Receipt refund(Refund refund) { ... }
 * }</pre>
 *
 * <p>Requires compile-time weaving of {@code io.powertools.idempotency.internal.IdempotentAspect}
 * and a configuration registered at init. The annotation is a thin shell over
 * {@link Idempotency#call}. Invalid options are reported by {@link Idempotency#verify(Class[])}
 * (call it at init or in a unit test), and at the latest on the method's first call, which then
 * fails with {@link IdempotencyConfigurationException} without running the method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    /**
     * The name in the key ({@code <function>.<name>#<hash>}); by default
     * {@code <declaring class>.<method>} (the class's binary name), unique per method. Methods
     * given the same name share records.
     *
     * @return the name; no {@code #}
     */
    String value() default "";

    /**
     * The JMESPath selecting this method's key data from its payload; the configuration's when empty.
     *
     * @return the expression
     */
    String eventKeyJmesPath() default "";

    /**
     * The JMESPath selecting data that must match on a duplicate; the configuration's when empty.
     *
     * @return the expression
     */
    String payloadValidationJmesPath() default "";

    /**
     * Whether a payload without key data raises {@link IdempotencyKeyException}; the
     * configuration's when {@link Setting#DEFAULT}.
     *
     * @return the setting
     */
    Setting throwOnNoIdempotencyKey() default Setting.DEFAULT;

    /**
     * How long this method's completed records count, as an ISO-8601 duration ({@code "PT24H"});
     * the configuration's when empty. At least the configuration's {@code inProgressTimeout}.
     *
     * @return the duration text
     */
    String expiration() default "";

    /** A yes/no option that can also defer to the configuration. */
    enum Setting {
        /** Use the configuration's value. */
        DEFAULT,
        /** On for this method. */
        TRUE,
        /** Off for this method. */
        FALSE
    }
}
