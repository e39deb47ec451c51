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
 * <p>Requires compile-time weaving of {@code io.powertools.idempotency.internal.IdempotentAspect}
 * and a configuration registered at init with {@link Idempotency#configure(IdempotencyConfig)}.
 * The annotation is a thin shell over {@link Idempotency#call}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    /**
     * The name in the key ({@code <function>.<name>#<hash>}); the method name when empty. Two
     * methods sharing a name share records, so give distinct names.
     *
     * @return the name
     */
    String value() default "";
}
