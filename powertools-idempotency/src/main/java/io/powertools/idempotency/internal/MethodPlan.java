package io.powertools.idempotency.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.idempotency.IdempotencyConfigurationException;
import io.powertools.idempotency.IdempotencyKey;
import io.powertools.idempotency.Idempotent;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * What the aspect needs to know about one {@link Idempotent} method, worked out by reflection
 * once (on its first call) and cached: the key name, which argument is the payload, which is
 * the Lambda Context, and the codec of the (possibly generic) return type.
 */
final class MethodPlan {

    final String name;
    final int payloadIndex;
    final int contextIndex;
    final ResponseCodec<Object> codec;

    private MethodPlan(String name, int payloadIndex, int contextIndex, ResponseCodec<Object> codec) {
        this.name = name;
        this.payloadIndex = payloadIndex;
        this.contextIndex = contextIndex;
        this.codec = codec;
    }

    static MethodPlan of(Method method) {
        Idempotent annotation = method.getAnnotation(Idempotent.class);
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        String name = annotation == null || annotation.value().isEmpty() ? method.getName() : annotation.value();
        if (name.indexOf('#') >= 0) {
            throw new IdempotencyConfigurationException("@Idempotent name '" + name + "' on " + where
                    + " must not contain '#'");
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        int context = -1;
        int marked = -1;
        int others = 0;
        int lastOther = -1;
        for (int i = 0; i < types.length; i++) {
            if (Context.class.isAssignableFrom(types[i])) {
                context = i;
                continue;
            }
            others++;
            lastOther = i;
            for (Annotation a : annotations[i]) {
                if (a instanceof IdempotencyKey) {
                    if (marked >= 0) {
                        throw new IdempotencyConfigurationException("@Idempotent method " + where
                                + " has more than one @IdempotencyKey parameter; mark exactly one");
                    }
                    marked = i;
                }
            }
        }
        int payload = marked >= 0 ? marked : others == 1 ? lastOther : -1;
        if (payload < 0) {
            throw new IdempotencyConfigurationException("@Idempotent method " + where + " has " + others
                    + " parameters besides the Context; mark the one the key comes from with @IdempotencyKey");
        }
        return new MethodPlan(name, payload, context, ResponseCodec.forType(method.getGenericReturnType()));
    }
}
