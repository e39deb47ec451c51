package io.powertools.snapstart;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Immutable description of invoke priming: call the handler a few times with a dummy event before
 * the snapshot, so the code paths of a real invocation (deserialisation, the utilities, the SDK
 * clients' marshallers) are loaded, initialised and partly compiled in every restored environment.
 *
 * <pre>{@code
 * SnapStart.get().primeInvocations(
 *         InvokePriming.of("orders", new OrderHandler()::handleRequest, OrderEvent.sample()).times(3));
 * }</pre>
 *
 * <p>Each run happens inside an invocation opened with
 * {@link io.powertools.core.ExecutionEnvironment#openPriming}, so
 * {@link io.powertools.core.Invocation#isPriming()} is true and the io.powertools utilities skip
 * their side effects (idempotency writes no record, metrics write no EMF, logging writes no
 * event/response lines); the runs never take the cold start. Side effects of your own code (calls
 * to other services) are yours to guard with {@code Invocation.current().map(Invocation::isPriming)}.
 *
 * @param <E> the event type
 */
public final class InvokePriming<E> {

    /** Default number of runs. */
    public static final int DEFAULT_TIMES = 3;
    /** Upper bound of {@link #times(int)}: priming is part of the init, which Lambda limits in time. */
    public static final int MAX_TIMES = 10_000;

    private final String name;
    private final PrimingHandler<E> handler;
    private final Supplier<? extends E> events;
    private final int times;

    private InvokePriming(String name, PrimingHandler<E> handler, Supplier<? extends E> events, int times) {
        this.name = name;
        this.handler = handler;
        this.events = events;
        this.times = times;
    }

    /**
     * Primes with the same dummy event on every run.
     *
     * @param name names the priming in logs and errors
     * @param handler calls the handler
     * @param event the dummy event; may be null for handlers that accept none
     * @param <E> the event type
     * @return the priming, run {@value #DEFAULT_TIMES} times
     */
    public static <E> InvokePriming<E> of(String name, PrimingHandler<E> handler, E event) {
        return withEvents(name, handler, () -> event);
    }

    /**
     * Primes with a fresh dummy event on every run, for handlers that change their event.
     *
     * @param name names the priming in logs and errors
     * @param handler calls the handler
     * @param events creates one event per run
     * @param <E> the event type
     * @return the priming, run {@value #DEFAULT_TIMES} times
     */
    public static <E> InvokePriming<E> withEvents(String name, PrimingHandler<E> handler,
            Supplier<? extends E> events) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("InvokePriming needs a name, e.g. the handler's, to name it in errors");
        }
        return new InvokePriming<>(name, Objects.requireNonNull(handler, "handler"),
                Objects.requireNonNull(events, "events"), DEFAULT_TIMES);
    }

    /**
     * Sets how many times the handler is called.
     *
     * @param times from 1 to {@value #MAX_TIMES}
     * @return a copy with that number of runs
     * @throws IllegalArgumentException when out of range
     */
    public InvokePriming<E> times(int times) {
        if (times < 1 || times > MAX_TIMES) {
            throw new IllegalArgumentException("InvokePriming '" + name + "': times must be from 1 to " + MAX_TIMES
                    + " but was " + times);
        }
        return new InvokePriming<>(name, handler, events, times);
    }

    /**
     * The name of this priming.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * How many times the handler is called.
     *
     * @return the number of runs
     */
    public int times() {
        return times;
    }

    /**
     * Creates the event of one run.
     *
     * @return the dummy event
     */
    public E nextEvent() {
        return events.get();
    }

    /**
     * The handler call.
     *
     * @return the handler
     */
    public PrimingHandler<E> handler() {
        return handler;
    }

    @Override
    public String toString() {
        return "InvokePriming[" + name + ", times=" + times + "]";
    }
}
