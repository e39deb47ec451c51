package io.powertools.core;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A value shared by every invocation of the execution environment and created on first use, such
 * as an SDK client: with many concurrent invocations (Lambda Managed Instances) several threads
 * may ask for it at once, and exactly one of them creates it.
 *
 * <pre>{@code
 * private static final Lazy<DynamoDbClient> DYNAMO = Lazy.of(() -> DynamoDbClient.builder()
 *         .httpClient(UrlConnectionHttpClient.create())
 *         .build());
 *
 * public Response handleRequest(Request request, Context context) {
 *     DYNAMO.get().putItem(...);
 * }
 * }</pre>
 *
 * <p>Creation runs under a {@link ReentrantLock}, not {@code synchronized}, so a virtual thread
 * that blocks inside the factory (network, file system) does not pin its carrier. After creation,
 * {@link #get()} is a single volatile read. A factory that throws leaves the holder empty and the
 * exception reaches the caller, so the next call tries again (a failed client creation at a
 * throttled moment must not poison the environment until it is recycled).
 *
 * @param <T> the value type
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile T value;

    private Lazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    /**
     * Creates the holder; nothing is created until the first {@link #get()}.
     *
     * @param factory creates the value; must not return null
     * @param <T> the value type
     * @return the holder
     */
    public static <T> Lazy<T> of(Supplier<? extends T> factory) {
        return new Lazy<>(Objects.requireNonNull(factory, "factory"));
    }

    /**
     * The value, created by the calling thread if no one has created it yet.
     *
     * @return the shared value
     * @throws NullPointerException when the factory returned null
     */
    @Override
    public T get() {
        T current = value;
        if (current != null) {
            return current;
        }
        lock.lock();
        try {
            current = value;
            if (current == null) {
                current = Objects.requireNonNull(factory.get(), "Lazy factory returned null");
                value = current;
            }
            return current;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the value: the next {@link #get()} creates a new one. Used where a value must not
     * outlive something, such as a SnapStart restore; the caller decides what to do with the old one.
     *
     * @return the value that was dropped, or null when there was none
     */
    public T reset() {
        lock.lock();
        try {
            T old = value;
            value = null;
            return old;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the value has been created.
     *
     * @return true after a successful {@link #get()}
     */
    public boolean isInitialized() {
        return value != null;
    }

    @Override
    public String toString() {
        return isInitialized() ? "Lazy[" + value + "]" : "Lazy[not created]";
    }
}
