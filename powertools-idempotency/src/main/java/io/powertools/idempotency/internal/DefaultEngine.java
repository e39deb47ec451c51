package io.powertools.idempotency.internal;

/**
 * The engine registered with {@code Idempotency.configure(..)} for annotated methods. Set at
 * init and read by every call: a volatile reference, safely published, never a per-request state.
 */
public final class DefaultEngine {

    private static volatile IdempotencyEngine engine;

    private DefaultEngine() {
    }

    /**
     * Registers the engine.
     *
     * @param configured the engine
     */
    public static void set(IdempotencyEngine configured) {
        engine = configured;
    }

    /**
     * The registered engine.
     *
     * @return the engine, or null when none was configured
     */
    public static IdempotencyEngine get() {
        return engine;
    }
}
