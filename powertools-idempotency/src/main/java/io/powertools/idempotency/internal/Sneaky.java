package io.powertools.idempotency.internal;

/** Rethrows any throwable unchanged (same instance) without declaring it. */
public final class Sneaky {

    private Sneaky() {
    }

    /**
     * Throws the throwable as is.
     *
     * @param t the throwable
     * @return never returns; declared so callers can write {@code throw Sneaky.rethrow(t)}
     */
    public static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>doThrow(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T doThrow(Throwable t) throws T {
        throw (T) t;
    }
}
