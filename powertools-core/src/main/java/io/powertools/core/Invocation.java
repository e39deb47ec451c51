package io.powertools.core;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.internal.PropagatingExecutorService;
import io.powertools.core.internal.ThreadContextGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * One handler call, and the single home of its per-request state.
 *
 * <p>Whichever utility sees the handler call first opens the invocation on the handler thread;
 * utilities nested inside the same call join it; the opener closes it in {@code finally}:
 *
 * <pre>{@code
 * try (Invocation.Scope scope = Invocation.open(event, context)) {
 *     Invocation invocation = scope.invocation();
 *     log.info("handling {}", invocation.requestId());
 *     return handle(event);
 * }
 * }</pre>
 *
 * <p>Under Lambda Managed Instances one JVM runs many invocations at once on different threads, so
 * nothing per-request may live in a static or a handler field. Modules keep theirs in
 * {@link InvocationLocal}s, which store values in the invocation, not in the thread. Work handed to
 * other threads carries the invocation explicitly through {@link #wrap(Runnable)} and
 * {@link #propagating(ExecutorService)}; a worker thread holds it only while that work runs.
 *
 * <p>The thread's diagnostic context (SLF4J MDC / Log4j2 ThreadContext) is saved when an invocation
 * opens, or when wrapped work starts on a thread, and restored when it closes or that work ends:
 * entries put during one invocation never reach the lines of the next one on a pooled thread.
 *
 * <p>An invocation is safe to read from several threads; its attachments are thread-safe.
 */
public final class Invocation {

    /** The invocation bound to each thread; never inherited, always restored in finally. */
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private final ExecutionEnvironment environment;
    private final Context context;
    private final Object event;
    private final String requestId;
    private final String traceId;
    private final String tenantId;
    private final long deadlineEpochMillis;
    private final boolean coldStart;
    private final boolean priming;
    private final ConcurrentHashMap<InvocationLocal<?>, Object> locals = new ConcurrentHashMap<>();
    /** Guarded by itself; allocated on first use because most invocations register nothing. */
    private Deque<Runnable> closeActions;
    private volatile boolean open = true;

    private Invocation(ExecutionEnvironment environment, Object event, Context context, boolean priming) {
        this.environment = environment;
        this.context = context;
        this.event = event;
        this.requestId = context.getAwsRequestId();
        this.traceId = environment.traceIds().resolve(context);
        this.tenantId = tenantIdOf(context);
        if (tenantId != null && !priming) {
            environment.tenantSeen();
        }
        this.deadlineEpochMillis = System.currentTimeMillis() + context.getRemainingTimeInMillis();
        this.priming = priming;
        this.coldStart = !priming && environment.coldStart().claim();
    }

    /**
     * Opens an invocation for a handler call on the calling thread, in this process's
     * {@link ExecutionEnvironment}. When an invocation for the same request is already open on
     * this thread (an outer utility opened it), the returned scope joins it and its
     * {@link Scope#close()} does nothing.
     *
     * @param event the event the handler received; may be null
     * @param context the Lambda context of the call
     * @return the scope; close it in {@code finally} (try-with-resources)
     * @throws NullPointerException when context is null
     */
    public static Scope open(Object event, Context context) {
        return open(ExecutionEnvironment.get(), event, context, false);
    }

    static Scope open(ExecutionEnvironment environment, Object event, Context context, boolean priming) {
        Objects.requireNonNull(context, "Context is null: pass the Context Lambda gave the handler "
                + "(in tests, a FakeContext from powertools-testing)");
        Invocation outer = CURRENT.get();
        if (outer != null && outer.isSameRequest(context)) {
            return new Scope(outer, outer, false, null);
        }
        Object savedContext = ThreadContextGuard.save();
        Invocation invocation = new Invocation(environment, event, context, priming);
        CURRENT.set(invocation);
        return new Scope(invocation, outer, true, savedContext);
    }

    /**
     * The invocation running on the calling thread.
     *
     * @return the invocation, or empty outside a handler call (for example during init)
     */
    public static Optional<Invocation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The invocation running on the calling thread, or null: the allocation-free form of
     * {@link #current()} for per-log-line and per-metric hot paths. Prefer {@link #current()}.
     *
     * @return the invocation, or null outside a handler call
     */
    public static Invocation currentOrNull() {
        return CURRENT.get();
    }

    /**
     * The invocation running on the calling thread, for code that cannot work without one.
     *
     * @return the invocation
     * @throws IllegalStateException outside a handler call, naming the thread and the fix
     */
    public static Invocation require() {
        Invocation invocation = CURRENT.get();
        if (invocation == null) {
            throw new IllegalStateException("No Invocation is open on thread '" + Thread.currentThread().getName()
                    + "'. Call this from inside a handler wrapped by an io.powertools utility (or opened with "
                    + "Invocation.open(event, context)); for work on other threads, submit it through "
                    + "Invocation.wrap(..) or Invocation.propagating(executor).");
        }
        return invocation;
    }

    /**
     * Captures the calling thread's invocation so the task runs inside it on whatever thread
     * executes it; the worker thread is left without it afterwards.
     *
     * @param task the task
     * @return the wrapped task, or the task itself when no invocation is open
     */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        Invocation captured = CURRENT.get();
        if (captured == null) {
            return task;
        }
        return () -> captured.run(task);
    }

    /**
     * Like {@link #wrap(Runnable)}, for a task with a result.
     *
     * @param task the task
     * @param <T> the result type
     * @return the wrapped task, or the task itself when no invocation is open
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        Invocation captured = CURRENT.get();
        if (captured == null) {
            return task;
        }
        return () -> {
            Object savedContext = ThreadContextGuard.save();
            Invocation previous = captured.bind();
            try {
                return task.call();
            } finally {
                restore(previous);
                ThreadContextGuard.restore(savedContext);
            }
        };
    }

    /**
     * Like {@link #wrap(Runnable)}, for a supplier, e.g. with
     * {@code CompletableFuture.supplyAsync(Invocation.wrap(supplier), executor)}.
     *
     * @param supplier the supplier
     * @param <T> the result type
     * @return the wrapped supplier, or the supplier itself when no invocation is open
     */
    public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        Invocation captured = CURRENT.get();
        if (captured == null) {
            return supplier;
        }
        return () -> {
            Object savedContext = ThreadContextGuard.save();
            Invocation previous = captured.bind();
            try {
                return supplier.get();
            } finally {
                restore(previous);
                ThreadContextGuard.restore(savedContext);
            }
        };
    }

    /**
     * An executor that runs each task inside the invocation that was current when the task was
     * submitted.
     *
     * @param executor the executor that runs the tasks
     * @return the propagating executor
     */
    public static Executor propagating(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /**
     * An executor service that runs each task inside the invocation that was current when the
     * task was submitted. Shutting it down shuts down the delegate.
     *
     * @param executor the executor service that runs the tasks
     * @return the propagating executor service
     */
    public static ExecutorService propagating(ExecutorService executor) {
        return new PropagatingExecutorService(executor);
    }

    /**
     * Runs the task on the calling thread inside this invocation, then restores what the thread
     * had before (its invocation and its diagnostic context). Useful to re-enter an invocation
     * captured earlier.
     *
     * @param task the task
     */
    public void run(Runnable task) {
        Object savedContext = ThreadContextGuard.save();
        Invocation previous = bind();
        try {
            task.run();
        } finally {
            restore(previous);
            ThreadContextGuard.restore(savedContext);
        }
    }

    private Invocation bind() {
        Invocation previous = CURRENT.get();
        CURRENT.set(this);
        return previous;
    }

    private static void restore(Invocation previous) {
        // set(null) rather than remove(): the thread keeps its map entry, so the next invocation on it
        // replaces a value instead of creating an entry and sweeping the map. A null value holds nothing.
        CURRENT.set(previous);
    }

    private boolean isSameRequest(Context other) {
        return other == context || (requestId != null && requestId.equals(other.getAwsRequestId()));
    }

    private static String tenantIdOf(Context context) {
        try {
            String tenant = context.getTenantId();
            return tenant == null || tenant.isBlank() ? null : tenant;
        } catch (AbstractMethodError | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Registers work to run when the opener closes this invocation, after the handler returned
     * or threw; actions run in reverse order of registration. A failing action does not stop the
     * others; its exception is rethrown from {@link Scope#close()} once all have run.
     *
     * @param action the action
     * @throws IllegalStateException when the invocation is already closed
     */
    public void onClose(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (this) {
            if (!open) {
                throw new IllegalStateException("Invocation " + requestId + " is already closed; "
                        + "register close actions while the handler runs");
            }
            if (closeActions == null) {
                closeActions = new ArrayDeque<>(4);
            }
            closeActions.push(action);
        }
    }

    private void runCloseActions() {
        Deque<Runnable> actions;
        synchronized (this) {
            open = false;
            actions = closeActions;
            closeActions = null;
        }
        RuntimeException failure = null;
        if (actions != null) {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        locals.clear();
        if (failure != null) {
            throw failure;
        }
    }

    ConcurrentHashMap<InvocationLocal<?>, Object> locals() {
        return locals;
    }

    /**
     * The execution environment this invocation runs in.
     *
     * @return the environment
     */
    public ExecutionEnvironment executionEnvironment() {
        return environment;
    }

    /**
     * The Lambda context of the call.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    /**
     * The event the handler received.
     *
     * @return the event, or null when the handler got none
     */
    public Object event() {
        return event;
    }

    /**
     * The request id ({@code Context.getAwsRequestId()}).
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The X-Ray trace header of this request, resolved when the invocation opened: from
     * {@code Context.getXrayTraceId()}, else the runtime's per-thread value, else (only when
     * invocations do not run concurrently) the process-wide property or variable.
     *
     * @return the trace header, or empty when tracing is off
     */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /**
     * The tenant of this request ({@code Context.getTenantId()}), for tenant-isolated functions.
     *
     * @return the tenant id, or empty when the function is not tenant-isolated
     */
    public Optional<String> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /**
     * When Lambda stops this invocation, computed when it opened.
     *
     * @return the deadline
     */
    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineEpochMillis);
    }

    /**
     * Time left before the deadline, as the Lambda context reports it now.
     *
     * @return the remaining time; zero or negative once the deadline passed
     */
    public Duration remainingTime() {
        return Duration.ofMillis(context.getRemainingTimeInMillis());
    }

    /**
     * Whether this is the cold start of the execution environment: true for exactly one
     * invocation per environment (never with provisioned concurrency, never while priming).
     *
     * @return true for the cold-start invocation
     */
    public boolean isColdStart() {
        return coldStart;
    }

    /**
     * Whether this invocation only warms the code before a SnapStart snapshot; utilities skip
     * their side effects (records, metrics, log output) for it.
     *
     * @return true while priming
     */
    public boolean isPriming() {
        return priming;
    }

    /**
     * Whether the opener has not closed this invocation yet.
     *
     * @return true until the scope that opened it is closed
     */
    public boolean isOpen() {
        return open;
    }

    @Override
    public String toString() {
        return "Invocation[requestId=" + requestId + ", coldStart=" + coldStart
                + (priming ? ", priming" : "") + (open ? "" : ", closed") + "]";
    }

    /**
     * The handle a utility gets when it opens or joins an invocation. Only the scope that opened
     * the invocation closes it; closing a joined scope does nothing, so nested utilities can all
     * use try-with-resources.
     */
    public static final class Scope implements AutoCloseable {

        private final Invocation invocation;
        private final Invocation previous;
        private final boolean owner;
        private final Thread thread;
        /** The thread's diagnostic context before the invocation opened; null for a joined scope. */
        private final Object savedContext;
        private boolean closed;

        private Scope(Invocation invocation, Invocation previous, boolean owner, Object savedContext) {
            this.invocation = invocation;
            this.previous = previous;
            this.owner = owner;
            this.thread = Thread.currentThread();
            this.savedContext = savedContext;
        }

        /**
         * The invocation this scope opened or joined.
         *
         * @return the invocation
         */
        public Invocation invocation() {
            return invocation;
        }

        /**
         * Whether this scope opened the invocation (and so closes it).
         *
         * @return true for the opener
         */
        public boolean isOwner() {
            return owner;
        }

        /**
         * Closes the invocation when this scope opened it: runs the close actions, drops the
         * attachments and unbinds it from the thread, restoring whatever the thread had before
         * (its previous invocation, and its MDC / ThreadContext as it was when the invocation
         * opened). Calling it again does nothing.
         *
         * @throws IllegalStateException when called on another thread than the one that opened it
         * @throws RuntimeException the first failure of a close action, after all actions ran
         */
        @Override
        public void close() {
            if (!owner || closed) {
                return;
            }
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("Invocation " + invocation.requestId
                        + " must be closed on the thread that opened it ('" + thread.getName() + "'), not on '"
                        + Thread.currentThread().getName() + "'");
            }
            closed = true;
            try {
                invocation.runCloseActions();
            } finally {
                restore(previous);
                ThreadContextGuard.restore(savedContext);
            }
        }
    }
}
