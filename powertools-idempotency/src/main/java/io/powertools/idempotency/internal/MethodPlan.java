package io.powertools.idempotency.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.IdempotencyConfigurationException;
import io.powertools.idempotency.IdempotencyKey;
import io.powertools.idempotency.Idempotent;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * What the aspect needs to know about one {@link Idempotent} method, worked out by reflection
 * once and cached: the key name, which argument is the payload, which is the Lambda Context, the
 * codec of the (possibly generic) return type, and the method's own options applied over the
 * registered configuration.
 */
public final class MethodPlan {

    final String name;
    final int payloadIndex;
    final int contextIndex;
    final ResponseCodec<Object> codec;
    private final String where;
    /** The method's options over a base configuration; null when it has none of its own. */
    private final UnaryOperator<IdempotencyConfig.Builder> options;
    /** The engine for the method, derived from {@link #base}; replaced when another configuration is registered. */
    private volatile Derived derived;

    private record Derived(IdempotencyEngine base, IdempotencyEngine engine) {
    }

    private MethodPlan(String name, int payloadIndex, int contextIndex, ResponseCodec<Object> codec, String where,
            UnaryOperator<IdempotencyConfig.Builder> options) {
        this.name = name;
        this.payloadIndex = payloadIndex;
        this.contextIndex = contextIndex;
        this.codec = codec;
        this.where = where;
        this.options = options;
    }

    /**
     * Works out and checks the plan of an annotated method.
     *
     * @param method the method
     * @return the plan
     * @throws IdempotencyConfigurationException naming the method and what is wrong
     */
    public static MethodPlan of(Method method) {
        Idempotent annotation = method.getAnnotation(Idempotent.class);
        if (annotation == null) {
            throw new IdempotencyConfigurationException(method + " is not annotated with @Idempotent");
        }
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        String name = annotation.value().isEmpty() ? where : annotation.value();
        if (name.indexOf('#') >= 0) {
            throw new IdempotencyConfigurationException("@Idempotent name '" + name + "' on " + where
                    + " must not contain '#'");
        }
        if (annotation.value().isEmpty()) {
            refuseOverloadsSharingTheDefaultName(method, where);
        }
        int[] indexes = parameters(method, where);
        return new MethodPlan(name, indexes[0], indexes[1], ResponseCodec.forType(method.getGenericReturnType()),
                where, options(annotation, where));
    }

    /**
     * The engine this method runs on: the registered one, or one derived from it with the
     * method's options (built once per registered configuration).
     *
     * @param base the registered engine
     * @return the method's engine
     * @throws IdempotencyConfigurationException when the options do not fit the configuration
     */
    IdempotencyEngine engine(IdempotencyEngine base) {
        if (options == null) {
            return base;
        }
        Derived current = derived;
        if (current == null || current.base() != base) {
            IdempotencyConfig config;
            try {
                config = options.apply(base.config().toBuilder()).build();
            } catch (IdempotencyConfigurationException e) {
                throw new IdempotencyConfigurationException("@Idempotent options of " + where + ": " + e.getMessage(), e);
            }
            current = new Derived(base, base.derive(config));
            derived = current;
        }
        return current.engine();
    }

    /**
     * Checks the options against a configuration without running anything.
     *
     * @param base the registered engine
     */
    public void check(IdempotencyEngine base) {
        engine(base);
    }

    private static UnaryOperator<IdempotencyConfig.Builder> options(Idempotent annotation, String where) {
        String keyPath = annotation.eventKeyJmesPath();
        String validationPath = annotation.payloadValidationJmesPath();
        Idempotent.Setting raise = annotation.throwOnNoIdempotencyKey();
        Duration expiration = annotation.expiration().isEmpty() ? null : duration(annotation.expiration(), where);
        if (keyPath.isEmpty() && validationPath.isEmpty() && raise == Idempotent.Setting.DEFAULT && expiration == null) {
            return null;
        }
        return builder -> {
            if (!keyPath.isEmpty()) {
                builder.eventKeyJmesPath(keyPath);
            }
            if (!validationPath.isEmpty()) {
                builder.payloadValidationJmesPath(validationPath);
            }
            if (raise != Idempotent.Setting.DEFAULT) {
                builder.throwOnNoIdempotencyKey(raise == Idempotent.Setting.TRUE);
            }
            if (expiration != null) {
                builder.expiration(expiration);
            }
            return builder;
        };
    }

    private static Duration duration(String text, String where) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IdempotencyConfigurationException("@Idempotent(expiration = \"" + text + "\") on " + where
                    + " is not an ISO-8601 duration; write it like \"PT15M\" or \"PT24H\"", e);
        }
    }

    private static void refuseOverloadsSharingTheDefaultName(Method method, String where) {
        for (Method other : method.getDeclaringClass().getDeclaredMethods()) {
            Idempotent annotation = other.getAnnotation(Idempotent.class);
            if (!other.equals(method) && other.getName().equals(method.getName()) && !other.isBridge()
                    && !other.isSynthetic() && annotation != null && annotation.value().isEmpty()) {
                throw new IdempotencyConfigurationException("@Idempotent methods " + where + " are overloaded and "
                        + "would share the default name '" + where + "' and so their records; give each its own "
                        + "name with @Idempotent(\"...\")");
            }
        }
    }

    /** @return the payload index and the Context index (-1 when none) */
    private static int[] parameters(Method method, String where) {
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
        return new int[] {payload, context};
    }
}
