package io.powertools.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.idempotency.internal.DefaultEngine;
import io.powertools.idempotency.internal.IdempotencyEngine;
import io.powertools.idempotency.internal.MethodPlan;
import io.powertools.idempotency.internal.ResponseCodec;
import io.powertools.idempotency.internal.Sneaky;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes code idempotent: the first call with a key runs it and stores its result; later calls
 * with the same key (within the expiration) return the stored result without running it. This is
 * the functional API; {@link Idempotent} is a thin shell over it.
 *
 * <pre>{@code
 * public class OrderHandler implements RequestHandler<APIGatewayProxyRequestEvent, Receipt> {
 *     private static final Idempotency IDEMPOTENCY = Idempotency.of(IdempotencyConfig.builder()
 *             .persistenceStore(DynamoDbPersistenceStore.builder().tableName("idempotency").build())
 *             .eventKeyJmesPath("powertools_json(body).orderId")
 *             .build());
 *     private static final RequestHandler<APIGatewayProxyRequestEvent, Receipt> HANDLER =
 *             IDEMPOTENCY.handler(Receipt.class, (event, context) -> charge(event));
 *
 *     public Receipt handleRequest(APIGatewayProxyRequestEvent event, Context context) {
 *         return HANDLER.handleRequest(event, context);
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: build one instance at init and share it among all concurrent invocations.
 * Exceptions thrown by the protected code reach the caller unchanged (and its record is deleted
 * so a retry runs again). A duplicate arriving while the first call runs gets
 * {@link IdempotencyAlreadyInProgressException}, or waits (see {@link InProgressPolicy}).
 */
public final class Idempotency {

    private static volatile Idempotency configured;

    private final IdempotencyEngine engine;

    private Idempotency(IdempotencyConfig config) {
        this.engine = new IdempotencyEngine(config);
    }

    /**
     * Creates an instance for a configuration.
     *
     * @param config the configuration
     * @return the instance
     */
    public static Idempotency of(IdempotencyConfig config) {
        return new Idempotency(Objects.requireNonNull(config, "config"));
    }

    /**
     * Creates an instance and registers it as the one {@link Idempotent} methods use. Call once at
     * init (a static initializer or the handler's constructor); calling again replaces it.
     *
     * @param config the configuration
     * @return the registered instance
     */
    public static Idempotency configure(IdempotencyConfig config) {
        Idempotency instance = of(config);
        configured = instance;
        DefaultEngine.set(instance.engine);
        return instance;
    }

    /**
     * The instance registered with {@link #configure(IdempotencyConfig)}.
     *
     * @return the instance
     * @throws IdempotencyConfigurationException when none was registered
     */
    public static Idempotency configured() {
        Idempotency instance = configured;
        if (instance == null) {
            throw new IdempotencyConfigurationException("Idempotency is not configured: call "
                    + "Idempotency.configure(IdempotencyConfig.builder().persistenceStore(..).build()) at init");
        }
        return instance;
    }

    /**
     * This instance's configuration.
     *
     * @return the configuration
     */
    public IdempotencyConfig config() {
        return engine.config();
    }

    /**
     * Runs the supplier at most once per key.
     *
     * @param name the name in the key ({@code <function>.<name>#<hash>}); no {@code #}
     * @param payload the key payload (the event-key JMESPath, if configured, is applied to it)
     * @param type the response type, to deserialize stored responses
     * @param body the protected code
     * @param <T> the response type
     * @return the body's result or the stored one
     */
    public <T> T call(String name, Object payload, Class<T> type, Supplier<T> body) {
        return run(checkName(name), payload, ResponseCodec.forClass(type), body);
    }

    /**
     * Runs the supplier at most once per key, for a generic response type such as
     * {@code new TypeReference<List<Item>>() {}}.
     *
     * @param name the name in the key; no {@code #}
     * @param payload the key payload
     * @param type the response type
     * @param body the protected code
     * @param <T> the response type
     * @return the body's result or the stored one
     */
    public <T> T call(String name, Object payload, TypeReference<T> type, Supplier<T> body) {
        return run(checkName(name), payload, ResponseCodec.forType(type.getType()), body);
    }

    /**
     * Runs the supplier at most once per key, for a Jackson {@link JavaType}.
     *
     * @param name the name in the key; no {@code #}
     * @param payload the key payload
     * @param type the response type
     * @param body the protected code
     * @param <T> the response type
     * @return the body's result or the stored one
     */
    public <T> T call(String name, Object payload, JavaType type, Supplier<T> body) {
        return run(checkName(name), payload, ResponseCodec.forType(type), body);
    }

    /**
     * Wraps a function: its input is the key payload.
     *
     * @param name the name in the key; no {@code #}
     * @param type the output type
     * @param function the function
     * @param <I> the input type
     * @param <O> the output type
     * @return the idempotent function
     */
    public <I, O> Function<I, O> function(String name, Class<O> type, Function<I, O> function) {
        return function(name, ResponseCodec.forType((Type) type), function);
    }

    /**
     * Wraps a function with a generic output type.
     *
     * @param name the name in the key; no {@code #}
     * @param type the output type
     * @param function the function
     * @param <I> the input type
     * @param <O> the output type
     * @return the idempotent function
     */
    public <I, O> Function<I, O> function(String name, TypeReference<O> type, Function<I, O> function) {
        return function(name, ResponseCodec.forType(type.getType()), function);
    }

    private <I, O> Function<I, O> function(String name, ResponseCodec<O> codec, Function<I, O> function) {
        String checked = checkName(name);
        Objects.requireNonNull(function, "function");
        return input -> run(checked, input, codec, () -> function.apply(input));
    }

    /**
     * Wraps a handler under the name {@code handleRequest}: the event is the key payload. The
     * wrapper opens the {@link Invocation} (or joins one an outer utility opened).
     *
     * @param type the output type
     * @param handler the handler
     * @param <I> the event type
     * @param <O> the output type
     * @return the idempotent handler
     */
    public <I, O> RequestHandler<I, O> handler(Class<O> type, RequestHandler<I, O> handler) {
        return handler("handleRequest", ResponseCodec.forType((Type) type), handler);
    }

    /**
     * Wraps a handler with a generic output type, under the name {@code handleRequest}.
     *
     * @param type the output type
     * @param handler the handler
     * @param <I> the event type
     * @param <O> the output type
     * @return the idempotent handler
     */
    public <I, O> RequestHandler<I, O> handler(TypeReference<O> type, RequestHandler<I, O> handler) {
        return handler("handleRequest", ResponseCodec.forType(type.getType()), handler);
    }

    /**
     * Wraps a handler under a given name.
     *
     * @param name the name in the key; no {@code #}
     * @param type the output type
     * @param handler the handler
     * @param <I> the event type
     * @param <O> the output type
     * @return the idempotent handler
     */
    public <I, O> RequestHandler<I, O> handler(String name, Class<O> type, RequestHandler<I, O> handler) {
        return handler(name, ResponseCodec.forType((Type) type), handler);
    }

    private <I, O> RequestHandler<I, O> handler(String name, ResponseCodec<O> codec, RequestHandler<I, O> handler) {
        String checked = checkName(name);
        Objects.requireNonNull(handler, "handler");
        ExecutionEnvironment environment = config().executionEnvironment();
        return (I event, Context context) -> {
            try (Invocation.Scope scope = environment.open(event, context)) {
                return run(checked, event, codec, () -> handler.handleRequest(event, context));
            }
        };
    }

    private <T> T run(String name, Object payload, ResponseCodec<T> codec, Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        try {
            return engine.execute(name, payload, codec, body::get);
        } catch (Throwable t) {
            // A Supplier only throws unchecked exceptions; pass them on as the same instance.
            throw Sneaky.rethrow(t);
        }
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        return IdempotencyConfig.checkKeyPart("name", name);
    }

    /**
     * Checks the {@link Idempotent} methods of classes against this configuration without running
     * them: the payload parameter, the name, and each method's own options (JMESPath syntax, an
     * expiration that is valid and not shorter than {@code inProgressTimeout}). Call it at init
     * after {@link #configure(IdempotencyConfig)}, or in a unit test, so a mistake fails at
     * deployment rather than on the method's first call:
     *
     * <pre>{@code
     * static {
     *     Idempotency.configure(config).verify(OrderHandler.class, Payments.class);
     * }
     * }</pre>
     *
     * @param classes the classes declaring annotated methods
     * @return this instance
     * @throws IdempotencyConfigurationException naming the first invalid method and the problem
     */
    public Idempotency verify(Class<?>... classes) {
        for (Class<?> type : classes) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Idempotent.class) && !method.isBridge()) {
                    MethodPlan.of(method).check(engine);
                }
            }
        }
        return this;
    }

    /**
     * The number of completed records in the local cache.
     *
     * @return the size; 0 when the cache is off
     */
    public int localCacheSize() {
        return engine.cache() == null ? 0 : engine.cache().size();
    }

    @Override
    public String toString() {
        return "Idempotency[" + config().persistenceStore() + "]";
    }
}
