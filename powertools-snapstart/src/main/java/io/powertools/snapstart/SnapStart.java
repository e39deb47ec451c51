package io.powertools.snapstart;

import io.powertools.core.priming.PrimingContributor;
import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.snapstart.internal.ClassPrimer;
import io.powertools.snapstart.internal.Contributors;
import io.powertools.snapstart.internal.HazardCheck;
import io.powertools.snapstart.internal.HookRunner;
import io.powertools.snapstart.internal.NamedHook;
import io.powertools.snapstart.internal.PrimingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SnapStart (CRaC) priming registry of an execution environment: what runs before the snapshot
 * and after each restore, in a fixed order, registered once with {@code org.crac}.
 *
 * <pre>{@code
 * public class OrderHandler implements RequestHandler<Order, Receipt> {
 *     static {
 *         SnapStart.get()
 *                 .primeInvocations(InvokePriming.of("orders", new OrderHandler()::handleRequest, Order.sample()))
 *                 .afterRestore("warm cache", OrderCache::reload);
 *     }
 * }
 * }</pre>
 *
 * <p><b>beforeCheckpoint</b>, in this order, stopping at the first failure:
 * <ol>
 *   <li>class priming: the class lists of every available {@link PrimingContributor} (library
 *   modules, in name order), then every {@value ClassList#FUNCTION_LIST} on the class path, then the
 *   lists given to {@link #primeClasses(ClassList)} in registration order;</li>
 *   <li>library priming: each contributor's {@link PrimingContributor#prime()}, in name order;</li>
 *   <li>invoke priming: each {@link InvokePriming}, in registration order, inside priming invocations;</li>
 *   <li>{@link #beforeCheckpoint} hooks, in registration order;</li>
 *   <li>the uniqueness check ({@link #findHazards()}), which only logs warnings.</li>
 * </ol>
 * <p><b>afterRestore</b>, in this order, running every step even when one fails:
 * <ol>
 *   <li>the cold start is reset, so the first invocation after the restore reports {@code cold_start=true};</li>
 *   <li>generators given to {@link #reseedAfterRestore(Random...)} are re-seeded;</li>
 *   <li>{@link RestoreScoped} values are discarded (eager ones re-created), in registration order;</li>
 *   <li>{@link #afterRestore} hooks, in registration order.</li>
 * </ol>
 * <p>A failure is a {@link SnapStartHookException} naming the phase and the hook, which Lambda
 * reports as the init or restore error.
 *
 * <p>org.crac holds resources weakly; every registered instance is kept strongly reachable here, so
 * hooks never disappear with a garbage collection. Instances are thread-safe.
 */
public final class SnapStart {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStart.class);
    /** Strong references to every registered instance: org.crac only keeps weak ones. */
    private static final Set<SnapStart> REGISTERED = ConcurrentHashMap.newKeySet();

    private final ExecutionEnvironment environment;
    private final ClassLoader classLoader;
    private final boolean discoverLibraries;
    private final List<ClassList> classLists = new CopyOnWriteArrayList<>();
    private final List<InvokePriming<?>> primings = new CopyOnWriteArrayList<>();
    private final List<NamedHook> beforeCheckpoint = new CopyOnWriteArrayList<>();
    private final List<NamedHook> afterRestore = new CopyOnWriteArrayList<>();
    private final List<Random> reseeded = new CopyOnWriteArrayList<>();
    private final List<RestoreScoped<?>> restoreScoped = new CopyOnWriteArrayList<>();
    private final List<Class<?>> inspected = new CopyOnWriteArrayList<>();
    private final AtomicBoolean registered = new AtomicBoolean();
    private final Resource resource = new CracResource(this);

    private SnapStart(Builder builder) {
        this.environment = builder.environment != null ? builder.environment : ExecutionEnvironment.get();
        this.classLoader = builder.classLoader != null ? builder.classLoader : SnapStart.class.getClassLoader();
        this.discoverLibraries = builder.discoverLibraries;
    }

    /**
     * The registry of this process, for {@link ExecutionEnvironment#get()}, registered with
     * {@code org.crac} on first use. This is what functions use.
     *
     * @return the process-wide registry
     */
    public static SnapStart get() {
        return ProcessInstance.INSTANCE;
    }

    /**
     * Starts a builder for a registry of its own, e.g. on an {@link ExecutionEnvironment} built in a
     * test. Call {@link #register()} to have org.crac run it.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers this registry with the global {@code org.crac} context, once; later calls do
     * nothing. On a JVM without CRaC support this is a no-op and the hooks never run.
     *
     * @return this registry
     */
    public SnapStart register() {
        if (registered.compareAndSet(false, true)) {
            REGISTERED.add(this);
            org.crac.Core.getGlobalContext().register(resource);
        }
        return this;
    }

    /**
     * Adds work to run before the snapshot, after the priming steps.
     *
     * @param name names the hook in logs and errors
     * @param hook the work
     * @return this registry
     */
    public SnapStart beforeCheckpoint(String name, SnapStartHook hook) {
        beforeCheckpoint.add(new NamedHook(name, hook));
        return this;
    }

    /**
     * Adds work to run in each restored environment, after the built-in refresh steps. On Lambda all
     * afterRestore work must finish within 10 seconds.
     *
     * @param name names the hook in logs and errors
     * @param hook the work
     * @return this registry
     */
    public SnapStart afterRestore(String name, SnapStartHook hook) {
        afterRestore.add(new NamedHook(name, hook));
        return this;
    }

    /**
     * Adds a class list to load and initialise before the snapshot. The function's generated
     * {@value ClassList#FUNCTION_LIST} and the library modules' lists are primed without this.
     *
     * @param list the list
     * @return this registry
     */
    public SnapStart primeClasses(ClassList list) {
        classLists.add(Objects.requireNonNull(list, "list"));
        return this;
    }

    /**
     * Adds handler calls with a dummy event to make before the snapshot.
     *
     * @param priming what to call, with what, how often
     * @return this registry
     */
    public SnapStart primeInvocations(InvokePriming<?> priming) {
        primings.add(Objects.requireNonNull(priming, "priming"));
        return this;
    }

    /**
     * Re-seeds random generators created at init after each restore, so restored environments do
     * not draw the same numbers. A {@link SecureRandom} gets fresh seed material added.
     *
     * @param randoms the generators; kept strongly referenced
     * @return this registry
     */
    public SnapStart reseedAfterRestore(Random... randoms) {
        for (Random random : randoms) {
            reseeded.add(Objects.requireNonNull(random, "random"));
        }
        return this;
    }

    /**
     * Adds classes whose static fields the uniqueness check inspects (the classes of the function's
     * class lists are inspected anyway), e.g. the handler class.
     *
     * @param classes the classes
     * @return this registry
     */
    public SnapStart inspectForHazards(Class<?>... classes) {
        for (Class<?> type : classes) {
            inspected.add(Objects.requireNonNull(type, "class"));
        }
        return this;
    }

    /**
     * Creates a value that is discarded after every restore and re-created at its next use.
     *
     * @param name names the value in logs and errors
     * @param factory creates the value
     * @param <T> the value type
     * @return the holder; keep it in a static field
     * @see RestoreScoped
     */
    public <T> RestoreScoped<T> restoreScoped(String name, Supplier<? extends T> factory) {
        return add(new RestoreScoped<>(name, factory, false));
    }

    /**
     * Creates a value that is re-created in the afterRestore hook of every restore.
     *
     * @param name names the value in logs and errors
     * @param factory creates the value
     * @param <T> the value type
     * @return the holder; keep it in a static field
     * @see RestoreScoped
     */
    public <T> RestoreScoped<T> restoreScopedEager(String name, Supplier<? extends T> factory) {
        return add(new RestoreScoped<>(name, factory, true));
    }

    private <T> RestoreScoped<T> add(RestoreScoped<T> value) {
        restoreScoped.add(value);
        return value;
    }

    /**
     * Runs the beforeCheckpoint steps (see the class description). The CRaC resource calls this;
     * call it directly to try the priming in a unit test.
     *
     * @return what was primed
     * @throws SnapStartHookException naming the first step that failed
     */
    public PrimingSummary runBeforeCheckpoint() throws SnapStartHookException {
        List<PrimingContributor> contributors = discoverLibraries ? Contributors.discover(classLoader) : List.of();
        List<ClassList> lists = functionClassLists();
        ClassPrimer primer = new ClassPrimer(classLoader);
        AtomicInteger invocations = new AtomicInteger();
        List<NamedHook> steps = new ArrayList<>();
        for (PrimingContributor contributor : contributors) {
            for (String resourceName : contributor.classLists()) {
                steps.add(new NamedHook("prime classes: " + resourceName, () -> ClassList
                        .findResource(resourceName, classLoader)
                        .ifPresentOrElse(primer::prime, () -> LOG.warn("SnapStart: class list {} of {} is missing",
                                resourceName, contributor.name()))));
            }
        }
        for (ClassList list : lists) {
            steps.add(new NamedHook("prime classes: " + list.source(), () -> primer.prime(list)));
        }
        for (PrimingContributor contributor : contributors) {
            steps.add(new NamedHook("prime library: " + contributor.name(), contributor::prime));
        }
        for (InvokePriming<?> priming : primings) {
            for (int run = 1; run <= priming.times(); run++) {
                int number = run;
                steps.add(new NamedHook("prime invocations: " + priming.name() + " (run " + run + " of "
                        + priming.times() + ")", () -> {
                            invokeOnce(priming, number);
                            invocations.incrementAndGet();
                        }));
            }
        }
        steps.addAll(beforeCheckpoint);
        HookRunner.runUntilFailure(HookPhase.BEFORE_CHECKPOINT, steps);
        List<String> hazards = findHazards(lists);
        for (String hazard : hazards) {
            LOG.warn("SnapStart uniqueness hazard: {}", hazard);
        }
        PrimingSummary summary = new PrimingSummary(primer.loaded(), primer.notLoaded(), invocations.get(), hazards);
        LOG.info("SnapStart priming done: {} classes loaded ({} not loadable), {} priming invocations, {} hazards",
                summary.classesLoaded(), summary.classesNotLoaded().size(), summary.primingInvocations(),
                hazards.size());
        return summary;
    }

    private <E> void invokeOnce(InvokePriming<E> priming, int run) throws Exception {
        E event = priming.nextEvent();
        Context context = new PrimingContext(environment, priming.name(), run);
        try (Invocation.Scope scope = environment.openPriming(event, context)) {
            priming.handler().handle(event, context);
        }
    }

    /**
     * Runs the afterRestore steps (see the class description). The CRaC resource calls this; call
     * it directly in a unit test.
     *
     * @throws SnapStartHookException the first step that failed, later failures suppressed
     */
    public void runAfterRestore() throws SnapStartHookException {
        List<NamedHook> steps = new ArrayList<>();
        steps.add(new NamedHook("reset cold start", () -> environment.coldStart().reset()));
        if (!reseeded.isEmpty()) {
            steps.add(new NamedHook("reseed random generators", this::reseed));
        }
        for (RestoreScoped<?> value : restoreScoped) {
            steps.add(new NamedHook("restore-scoped: " + value.name(), value::refreshAfterRestore));
        }
        steps.addAll(afterRestore);
        HookRunner.runAll(HookPhase.AFTER_RESTORE, steps);
    }

    private void reseed() {
        // A generator created now, in the restored environment, draws from the OS: unique per restore.
        SecureRandom seeds = new SecureRandom();
        for (Random random : reseeded) {
            if (random instanceof SecureRandom secure) {
                byte[] material = new byte[32];
                seeds.nextBytes(material);
                secure.setSeed(material); // adds to, never replaces, a SecureRandom's seed
            } else {
                random.setSeed(seeds.nextLong());
            }
        }
    }

    /**
     * Looks for state created at init that restored environments would share: {@code Random}s and
     * {@code UUID}s in static fields of the function's classes (its class lists and
     * {@link #inspectForHazards}), threads started during init, a deterministic default
     * SecureRandom. Runs at the end of beforeCheckpoint; the results are warnings.
     *
     * @return one message per hazard, saying what to do
     */
    public List<String> findHazards() {
        return findHazards(functionClassLists());
    }

    private List<String> findHazards(List<ClassList> lists) {
        Set<Class<?>> classes = new LinkedHashSet<>(inspected);
        for (ClassList list : lists) {
            for (String name : list.classNames()) {
                if (HazardCheck.inspects(name)) {
                    try {
                        classes.add(Class.forName(name, false, classLoader));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // reported by class priming already
                    }
                }
            }
        }
        return new HazardCheck(reseeded).run(classes);
    }

    private List<ClassList> functionClassLists() {
        List<ClassList> lists = new ArrayList<>();
        if (discoverLibraries) {
            try {
                Enumeration<URL> found = classLoader.getResources(ClassList.FUNCTION_LIST);
                for (URL url : Collections.list(found)) {
                    lists.add(ClassList.read(url));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not look for " + ClassList.FUNCTION_LIST + ": " + e.getMessage(), e);
            }
        }
        lists.addAll(classLists);
        return lists;
    }

    /**
     * The execution environment whose cold start is reset and whose priming invocations are opened.
     *
     * @return the environment
     */
    public ExecutionEnvironment executionEnvironment() {
        return environment;
    }

    /**
     * Whether this registry is registered with org.crac.
     *
     * @return true after {@link #register()}
     */
    public boolean isRegistered() {
        return registered.get();
    }

    /** The org.crac side: delegates to the registry, which it keeps reachable. */
    private static final class CracResource implements Resource {

        private final SnapStart owner;

        CracResource(SnapStart owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
            owner.runBeforeCheckpoint();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) throws Exception {
            owner.runAfterRestore();
        }

        @Override
        public String toString() {
            return "io.powertools.snapstart.SnapStart";
        }
    }

    /**
     * Configures a {@link SnapStart} of its own. Not thread-safe.
     */
    public static final class Builder {

        private ExecutionEnvironment environment;
        private ClassLoader classLoader;
        private boolean discoverLibraries = true;

        private Builder() {
        }

        /**
         * Sets the execution environment; default {@link ExecutionEnvironment#get()}.
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder executionEnvironment(ExecutionEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Sets the class loader classes and class lists are loaded from; default the one that
         * loaded this module (the function's).
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Whether the library modules' priming ({@link PrimingContributor}s) and the function's
         * {@value ClassList#FUNCTION_LIST} are used; default true. Tests turn it off to see only
         * what they register.
         *
         * @param discoverLibraries whether to discover
         * @return this builder
         */
        public Builder discoverLibraries(boolean discoverLibraries) {
            this.discoverLibraries = discoverLibraries;
            return this;
        }

        /**
         * Creates the registry (not registered with org.crac yet).
         *
         * @return the registry
         */
        public SnapStart build() {
            return new SnapStart(this);
        }
    }

    /** Class-init holder: the process registry is created and registered once, on first use. */
    private static final class ProcessInstance {
        static final SnapStart INSTANCE = builder().build().register();
    }
}
