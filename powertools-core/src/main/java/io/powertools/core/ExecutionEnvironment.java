package io.powertools.core;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.config.Environment;
import io.powertools.core.config.InitializationType;
import io.powertools.core.config.Variables;
import io.powertools.core.internal.TraceIdResolver;
import io.powertools.core.priming.SnapStartActivation;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * One Lambda execution environment (one JVM): its immutable configuration read from the
 * environment at init, and the process-wide facts every invocation shares (cold start, whether
 * invocations run concurrently).
 *
 * <p>{@link #get()} is the environment of this process, built on first use and never changed.
 * Tests build their own with {@link #create(Environment)} and open invocations on it, so they
 * never touch the real process environment:
 *
 * <pre>{@code
 * ExecutionEnvironment env = ExecutionEnvironment.create(Environment.of(Map.of(
 *         "AWS_LAMBDA_INITIALIZATION_TYPE", "provisioned-concurrency")));
 * try (Invocation.Scope scope = env.open(event, context)) {
 *     assertFalse(scope.invocation().isColdStart());
 * }
 * }</pre>
 */
public final class ExecutionEnvironment {

    private final Environment environment;
    private final InitializationType initializationType;
    private final int maxConcurrency;
    private final String serviceName;
    private final String functionName;
    private final ColdStart coldStart;
    private final TraceIdResolver traceIds;
    /** Set, never cleared, by the first invocation that carries a tenant id. */
    private volatile boolean tenantAware;

    private ExecutionEnvironment(Environment environment) {
        this.environment = environment;
        this.initializationType = InitializationType.from(environment);
        this.maxConcurrency = environment.getInt(
                Variables.AWS_LAMBDA_MAX_CONCURRENCY, 1, 1, Integer.MAX_VALUE);
        this.serviceName = environment.get(Variables.POWERTOOLS_SERVICE_NAME, Variables.DEFAULT_SERVICE_NAME);
        this.functionName = environment.get(Variables.AWS_LAMBDA_FUNCTION_NAME).orElse(null);
        this.coldStart = new ColdStart(initializationType);
        this.traceIds = new TraceIdResolver(environment, isMultiConcurrent());
    }

    /**
     * The execution environment of this process, read from the real environment on first use.
     *
     * @return the process-wide instance
     * @throws io.powertools.core.config.ConfigurationException when a core variable is invalid
     */
    public static ExecutionEnvironment get() {
        ExecutionEnvironment environment = ProcessEnvironment.INSTANCE;
        // After INSTANCE is set, so an activation that calls get() itself finds the environment (the
        // nested call returns at once while Activation initialises on this thread).
        Activation.ensureDone();
        return environment;
    }

    /**
     * An execution environment read from the given variables, independent of the process one.
     *
     * @param environment the variables
     * @return a new execution environment with its own cold-start tracker
     * @throws io.powertools.core.config.ConfigurationException when a core variable is invalid
     */
    public static ExecutionEnvironment create(Environment environment) {
        return new ExecutionEnvironment(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Opens an invocation on the calling thread, or joins the one already open for the same
     * request. See {@link Invocation#open(Object, Context)}.
     *
     * @param event the event the handler received; may be null
     * @param context the Lambda context of the call
     * @return the scope to close in {@code finally}
     */
    public Invocation.Scope open(Object event, Context context) {
        return Invocation.open(this, event, context, false);
    }

    /**
     * Opens an invocation that only warms the code (SnapStart priming): it never takes the cold
     * start and reports {@link Invocation#isPriming()} so utilities skip their side effects.
     *
     * @param event the dummy event
     * @param context a context for the dummy call
     * @return the scope to close in {@code finally}
     */
    public Invocation.Scope openPriming(Object event, Context context) {
        return Invocation.open(this, event, context, true);
    }

    /**
     * The variables this environment was read from; modules read their own settings here.
     *
     * @return the environment variables
     */
    public Environment environment() {
        return environment;
    }

    /**
     * How Lambda initialised this environment.
     *
     * @return the initialisation type
     */
    public InitializationType initializationType() {
        return initializationType;
    }

    /**
     * The number of handler threads ({@code AWS_LAMBDA_MAX_CONCURRENCY}), 1 when unset.
     *
     * @return the maximum number of concurrent invocations in this JVM
     */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /**
     * Whether several invocations may run at once in this JVM (Lambda Managed Instances).
     *
     * @return true when {@code AWS_LAMBDA_MAX_CONCURRENCY} is above 1
     */
    public boolean isMultiConcurrent() {
        return maxConcurrency > 1;
    }

    /**
     * The service name ({@code POWERTOOLS_SERVICE_NAME}, else {@code service_undefined}).
     *
     * @return the service name
     */
    public String serviceName() {
        return serviceName;
    }

    /**
     * The function name from {@code AWS_LAMBDA_FUNCTION_NAME}, known before any invocation.
     *
     * @return the function name, or empty outside Lambda
     */
    public Optional<String> functionName() {
        return Optional.ofNullable(functionName);
    }

    /**
     * The cold-start tracker of this environment.
     *
     * @return the tracker
     */
    public ColdStart coldStart() {
        return coldStart;
    }

    /**
     * Whether this execution environment serves a tenant-isolated function: an invocation opened
     * in it carried a tenant id ({@code Context.getTenantId()}). Lambda exposes the tenant only
     * per invocation, through the Context (no variable tells it at init), so this turns true with
     * the first such invocation and stays true: under tenant isolation every invocation carries
     * one. Utilities that scope data by tenant use it to refuse work that cannot tell its tenant
     * (a thread the invocation was not handed to) instead of sharing data across tenants.
     *
     * @return true once an invocation with a tenant id was opened here
     */
    public boolean isTenantAware() {
        return tenantAware;
    }

    /** Records that an invocation with a tenant id was opened; cheap once set (a volatile read). */
    void tenantSeen() {
        if (!tenantAware) {
            tenantAware = true;
        }
    }

    TraceIdResolver traceIds() {
        return traceIds;
    }

    /** Lazy holder: the process environment is read on first use, safely published by class init. */
    private static final class ProcessEnvironment {
        static final ExecutionEnvironment INSTANCE = new ExecutionEnvironment(Environment.system());
    }

    /** Runs the modules' {@link SnapStartActivation}s once, on the first use of the process environment. */
    private static final class Activation {
        static {
            ExecutionEnvironment environment = ProcessEnvironment.INSTANCE;
            if (environment.initializationType() == InitializationType.SNAP_START) {
                for (SnapStartActivation activation : ServiceLoader.load(SnapStartActivation.class,
                        ExecutionEnvironment.class.getClassLoader())) {
                    activation.activate(environment);
                }
            }
        }

        /** Initialising this class is the work: the JVM runs it once, and later calls cost nothing. */
        static void ensureDone() {
        }
    }
}
