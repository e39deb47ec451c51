package io.powertools.idempotency.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.Invocation;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.IdempotencyConfigurationException;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * Weaves {@link io.powertools.idempotency.Idempotent} methods into the engine registered with
 * {@link Idempotency#configure(IdempotencyConfig)}. A thin shell: it finds the payload and the
 * Context among the arguments (worked out once per method), opens or joins the Invocation when
 * the method receives a Context, and hands {@code proceed()} to the same engine the functional
 * API uses.
 */
@Aspect
public class IdempotentAspect {

    /** One plan per woven method; filled once, then lock-free reads. */
    private static final ConcurrentHashMap<JoinPoint.StaticPart, MethodPlan> PLANS = new ConcurrentHashMap<>();

    /**
     * Runs an annotated method idempotently.
     *
     * @param pjp the join point
     * @return the method's result, or the stored result of an earlier call with the same key
     * @throws Throwable whatever the method throws, unchanged, or an IdempotencyException
     */
    @Around("execution(@io.powertools.idempotency.Idempotent * *(..))")
    public Object around(ProceedingJoinPoint pjp) throws Throwable {
        MethodPlan plan = PLANS.get(pjp.getStaticPart());
        if (plan == null) {
            plan = PLANS.computeIfAbsent(pjp.getStaticPart(),
                    part -> MethodPlan.of(((MethodSignature) part.getSignature()).getMethod()));
        }
        IdempotencyEngine engine = DefaultEngine.get();
        if (engine == null) {
            throw new IdempotencyConfigurationException("Idempotency is not configured: call "
                    + "Idempotency.configure(IdempotencyConfig.builder().persistenceStore(..).build()) at init, "
                    + "before the first @Idempotent method runs");
        }
        engine = plan.engine(engine); // the method's own options, if any
        Object[] args = pjp.getArgs();
        Object payload = args[plan.payloadIndex];
        if (plan.contextIndex >= 0 && args[plan.contextIndex] != null) {
            Context context = (Context) args[plan.contextIndex];
            try (Invocation.Scope scope = engine.config().executionEnvironment().open(payload, context)) {
                return engine.execute(plan.name, payload, plan.codec, pjp::proceed);
            }
        }
        return engine.execute(plan.name, payload, plan.codec, pjp::proceed);
    }
}
