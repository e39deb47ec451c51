package io.powertools.idempotency.internal;

/**
 * The protected code. It may throw anything (the aspect's {@code proceed()} throws Throwable);
 * whatever it throws reaches the caller unchanged.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Body<T> {

    /**
     * Runs the protected code.
     *
     * @return its result
     * @throws Throwable whatever it throws
     */
    T run() throws Throwable;
}
