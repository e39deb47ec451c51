package io.powertools.core;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value that exists once per invocation: what {@link ThreadLocal} is to a thread, this is to an
 * {@link Invocation}. The value lives in the invocation, so worker threads running inside it (see
 * {@link Invocation#wrap(Runnable)}) see the same value, and it is gone when the invocation closes;
 * a pooled handler thread never carries it into the next request.
 *
 * <p>Declare one as a constant and use it from any code running inside a handler call:
 *
 * <pre>{@code
 * private static final InvocationLocal<List<String>> AUDIT =
 *         InvocationLocal.withInitial("audit", CopyOnWriteArrayList::new);
 *
 * void record(String entry) {
 *     AUDIT.get().add(entry); // this request's list, whichever thread runs this
 * }
 * }</pre>
 *
 * <p>Modules keep their per-request state (log keys, metric sets, idempotency records) the same
 * way. Equality is identity: two instances with the same name are different slots.
 *
 * @param <T> the value type
 */
public final class InvocationLocal<T> {

    private final String name;
    private final Supplier<? extends T> initial;

    private InvocationLocal(String name, Supplier<? extends T> initial) {
        this.name = Objects.requireNonNull(name, "name");
        this.initial = initial;
    }

    /**
     * A slot with no initial value.
     *
     * @param name a name for error messages and debugging
     * @param <T> the value type
     * @return the slot
     */
    public static <T> InvocationLocal<T> of(String name) {
        return new InvocationLocal<>(name, null);
    }

    /**
     * A slot whose value is created on first access in each invocation. Creation is atomic:
     * concurrent workers of one invocation get the same instance.
     *
     * @param name a name for error messages and debugging
     * @param initial creates the value; must not return null
     * @param <T> the value type
     * @return the slot
     */
    public static <T> InvocationLocal<T> withInitial(String name, Supplier<? extends T> initial) {
        return new InvocationLocal<>(name, Objects.requireNonNull(initial, "initial"));
    }

    /**
     * The value in the current invocation, created from the initial supplier when absent.
     *
     * @return the value
     * @throws IllegalStateException outside an invocation, or when the slot has no initial
     *     supplier and no value was set
     */
    public T get() {
        return get(Invocation.require());
    }

    /**
     * The value in the given invocation, created from the initial supplier when absent.
     *
     * @param invocation the invocation
     * @return the value
     * @throws IllegalStateException when the slot has no initial supplier and no value was set
     */
    @SuppressWarnings("unchecked")
    public T get(Invocation invocation) {
        Object value = invocation.locals().get(this);
        if (value == null) {
            if (initial == null) {
                throw new IllegalStateException("InvocationLocal '" + name + "' has no value in " + invocation
                        + ": set one first or create the slot with InvocationLocal.withInitial(..)");
            }
            value = invocation.locals().computeIfAbsent(this, key -> Objects.requireNonNull(
                    initial.get(), () -> "initial value of InvocationLocal '" + name + "' is null"));
        }
        return (T) value;
    }

    /**
     * The value in the current invocation, without creating it.
     *
     * @return the value, or empty outside an invocation or when none was set or created yet
     */
    public Optional<T> find() {
        return Invocation.current().flatMap(this::find);
    }

    /**
     * The value in the given invocation, without creating it.
     *
     * @param invocation the invocation
     * @return the value, or empty when none was set or created yet
     */
    @SuppressWarnings("unchecked")
    public Optional<T> find(Invocation invocation) {
        return Optional.ofNullable((T) invocation.locals().get(this));
    }

    /**
     * Sets the value in the current invocation.
     *
     * @param value the value; must not be null (use {@link #remove()})
     * @throws IllegalStateException outside an invocation
     */
    public void set(T value) {
        set(Invocation.require(), value);
    }

    /**
     * Sets the value in the given invocation.
     *
     * @param invocation the invocation
     * @param value the value; must not be null (use {@link #remove()})
     */
    public void set(Invocation invocation, T value) {
        invocation.locals().put(this, Objects.requireNonNull(value, () -> "value of InvocationLocal '" + name + "'"));
    }

    /** Removes the value from the current invocation, if there is one. */
    public void remove() {
        Invocation.current().ifPresent(invocation -> invocation.locals().remove(this));
    }

    /**
     * The slot's name.
     *
     * @return the name given at creation
     */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "InvocationLocal[" + name + "]";
    }
}
