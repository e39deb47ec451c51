package io.powertools.snapstart;

import io.powertools.core.Lazy;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value that belongs to one execution environment and must not be shared by the environments
 * restored from a SnapStart snapshot: an SDK client (its connections are dead after a restore), cached
 * credentials, an id or a timestamp taken at init. Like core's {@link io.powertools.core.Lazy} it is
 * created on first use, exactly once even under concurrent first calls; unlike it, it is discarded
 * after every restore (closed first when it is {@link AutoCloseable}), so the restored environment
 * gets its own.
 *
 * <pre>{@code
 * private static final RestoreScoped<DynamoDbClient> DYNAMO = RestoreScoped.of("dynamodb",
 *         () -> DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
 * private static final RestoreScoped<String> ENVIRONMENT_ID = RestoreScoped.eager("environment id",
 *         () -> UUID.randomUUID().toString());
 * }</pre>
 *
 * <p>{@link #of} re-creates lazily, at the first use after the restore; {@link #eager} re-creates in
 * the afterRestore hook, so the first invocation finds it ready (and a factory failure fails the
 * restore, naming the value).
 *
 * @param <T> the value type
 */
public final class RestoreScoped<T> implements Supplier<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreScoped.class);

    private final String name;
    private final boolean eager;
    /** Creation on first use, exactly once however many invocations ask at the same time. */
    private final Lazy<T> value;

    RestoreScoped(String name, Supplier<? extends T> factory, boolean eager) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A RestoreScoped value needs a name: it names it in restore errors");
        }
        this.name = name;
        Objects.requireNonNull(factory, "factory");
        this.value = Lazy.of(() -> Objects.requireNonNull(factory.get(),
                () -> "RestoreScoped '" + name + "' factory returned null"));
        this.eager = eager;
    }

    /**
     * A value of the process-wide {@link SnapStart#get()}, re-created at its first use after a restore.
     *
     * @param name names the value in logs and errors
     * @param factory creates the value; must not return null
     * @param <T> the value type
     * @return the holder
     */
    public static <T> RestoreScoped<T> of(String name, Supplier<? extends T> factory) {
        return SnapStart.get().restoreScoped(name, factory);
    }

    /**
     * A value of the process-wide {@link SnapStart#get()}, re-created in the afterRestore hook.
     *
     * @param name names the value in logs and errors
     * @param factory creates the value; must not return null
     * @param <T> the value type
     * @return the holder
     */
    public static <T> RestoreScoped<T> eager(String name, Supplier<? extends T> factory) {
        return SnapStart.get().restoreScopedEager(name, factory);
    }

    /**
     * The value, created by the calling thread if this environment has none yet.
     *
     * @return the value
     * @throws NullPointerException when the factory returned null
     */
    @Override
    public T get() {
        return value.get();
    }

    /**
     * Discards the value (closing it when it is {@link AutoCloseable}); the next {@link #get()}
     * creates a new one. The SnapStart afterRestore hook calls this; call it yourself to drop a
     * broken client.
     */
    public void reset() {
        T old = value.reset();
        if (old instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // The old value belongs to the environment the snapshot was taken in; a failure to
                // close it (dead connections) must not keep the restored one from getting a new value.
                LOG.warn("RestoreScoped '{}': closing the pre-snapshot value failed: {}", name, e.toString());
            }
        }
    }

    /**
     * Whether a value exists in this environment.
     *
     * @return true after a {@link #get()} that was not followed by a {@link #reset()}
     */
    public boolean isInitialized() {
        return value.isInitialized();
    }

    /**
     * The name of this value.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Whether the value is re-created in the afterRestore hook rather than at its first use.
     *
     * @return true for {@link #eager} values
     */
    public boolean isEager() {
        return eager;
    }

    void refreshAfterRestore() {
        reset();
        if (eager) {
            get();
        }
    }

    @Override
    public String toString() {
        return "RestoreScoped[" + name + (isInitialized() ? "" : ", not created") + "]";
    }
}
