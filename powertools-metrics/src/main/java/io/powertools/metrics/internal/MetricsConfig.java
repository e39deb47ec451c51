package io.powertools.metrics.internal;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.ConfigurationException;
import io.powertools.core.config.Environment;
import io.powertools.core.config.Variables;
import io.powertools.metrics.EmfSink;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved, immutable metrics configuration of one flusher (or of the environment defaults):
 * explicit options win over environment variables, everything is validated once, and the
 * dimensions every blob starts with are precomputed.
 */
public final class MetricsConfig {

    /** Namespace of every metric unless the code sets one. */
    public static final String NAMESPACE_VARIABLE = "POWERTOOLS_METRICS_NAMESPACE";
    /** {@code true} turns metrics output off (the calls are still validated). */
    public static final String DISABLED_VARIABLE = "POWERTOOLS_METRICS_DISABLED";
    /** Overrides the {@code FunctionName} dimension of the cold-start metric. */
    public static final String FUNCTION_NAME_VARIABLE = "POWERTOOLS_METRICS_FUNCTION_NAME";
    /** The dimension holding the service name. */
    public static final String SERVICE_DIMENSION = "Service";
    /** The dimension holding the function name on the cold-start metric. */
    public static final String FUNCTION_NAME_DIMENSION = "FunctionName";

    /** Last environment defaults: configuration, not per-request state; recomputing it is harmless. */
    private static volatile MetricsConfig lastDefaults;

    private final ExecutionEnvironment executionEnvironment;
    private final String namespace;
    private final String service;
    private final String[] baseKeys;
    private final String[] baseValues;
    private final Map<String, String> defaultDimensions;
    private final boolean captureColdStart;
    private final boolean raiseOnEmptyMetrics;
    private final String functionName;
    private final boolean disabled;
    private final EmfSink sink;
    private final Clock clock;
    private final ContextMembers contextMembers;

    private MetricsConfig(ExecutionEnvironment executionEnvironment, String namespace, String service,
            Map<String, String> defaultDimensions, boolean captureColdStart, boolean raiseOnEmptyMetrics,
            String functionName, boolean disabled, EmfSink sink, Clock clock) {
        this.executionEnvironment = executionEnvironment;
        this.namespace = namespace;
        this.service = service;
        this.defaultDimensions = defaultDimensions;
        this.captureColdStart = captureColdStart;
        this.raiseOnEmptyMetrics = raiseOnEmptyMetrics;
        this.functionName = functionName;
        this.disabled = disabled;
        this.sink = sink;
        this.clock = clock;
        this.contextMembers = ContextMembers.of(executionEnvironment.environment());
        Map<String, String> base = new LinkedHashMap<>();
        if (service != null) {
            base.put(SERVICE_DIMENSION, service);
        }
        base.putAll(defaultDimensions);
        this.baseKeys = base.keySet().toArray(new String[0]);
        this.baseValues = base.values().toArray(new String[0]);
    }

    /**
     * Resolves a configuration: explicit values first, then the environment variables.
     *
     * @param executionEnvironment where invocations open and variables are read
     * @param namespace explicit namespace or null
     * @param service explicit service or null
     * @param defaultDimensions dimensions of every blob (besides {@code Service})
     * @param captureColdStart whether to write the cold-start metric
     * @param raiseOnEmptyMetrics whether an invocation without metrics fails
     * @param functionName explicit function name for the cold-start metric, or null
     * @param sink where lines go
     * @param clock the clock for timestamps
     * @param namespaceRequired whether a missing namespace fails now (known at init) or at flush
     * @return the configuration
     * @throws ConfigurationException when a value or variable is invalid
     */
    public static MetricsConfig resolve(ExecutionEnvironment executionEnvironment, String namespace, String service,
            Map<String, String> defaultDimensions, boolean captureColdStart, boolean raiseOnEmptyMetrics,
            String functionName, EmfSink sink, Clock clock, boolean namespaceRequired) {
        Objects.requireNonNull(executionEnvironment, "executionEnvironment");
        Environment env = executionEnvironment.environment();
        boolean disabled = env.getBoolean(DISABLED_VARIABLE, false);
        String resolvedNamespace = namespace != null ? namespace : env.get(NAMESPACE_VARIABLE).orElse(null);
        if (resolvedNamespace != null) {
            try {
                Validation.namespace(resolvedNamespace);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage() + (namespace == null
                        ? " (from " + NAMESPACE_VARIABLE + ")" : ""));
            }
        } else if (namespaceRequired && !disabled) {
            throw new ConfigurationException("No metrics namespace: set the " + NAMESPACE_VARIABLE
                    + " environment variable or the namespace option (MetricsOptions.builder().namespace(..) or "
                    + "@FlushMetrics(namespace = ..)). CloudWatch needs a namespace for every metric.");
        }
        String resolvedService = service != null ? service : env.get(Variables.POWERTOOLS_SERVICE_NAME).orElse(null);
        Map<String, String> dimensions = new LinkedHashMap<>();
        try {
            if (resolvedService != null) {
                Validation.dimensionValue(SERVICE_DIMENSION, resolvedService);
            }
            for (Map.Entry<String, String> entry : defaultDimensions.entrySet()) {
                String key = Validation.dimensionKey(entry.getKey());
                if (resolvedService != null && key.equals(SERVICE_DIMENSION)) {
                    throw new IllegalArgumentException("Default dimension 'Service' conflicts with the service "
                            + "name; set the service option or POWERTOOLS_SERVICE_NAME instead");
                }
                dimensions.put(key, Validation.dimensionValue(key, entry.getValue()));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        int count = dimensions.size() + (resolvedService != null ? 1 : 0);
        if (count > Validation.MAX_DIMENSIONS) {
            throw new ConfigurationException(count + " default dimensions (Service included) exceed the limit of "
                    + Validation.MAX_DIMENSIONS + " dimensions per dimension set");
        }
        if (captureColdStart) {
            checkColdStartDimensions(dimensions);
        }
        String resolvedFunction = functionName != null ? functionName
                : env.get(FUNCTION_NAME_VARIABLE).orElse(executionEnvironment.functionName().orElse(null));
        if (resolvedFunction != null) {
            try {
                Validation.dimensionValue(FUNCTION_NAME_DIMENSION, resolvedFunction);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
        }
        return new MetricsConfig(executionEnvironment, resolvedNamespace, resolvedService,
                Collections.unmodifiableMap(dimensions),
                captureColdStart, raiseOnEmptyMetrics, resolvedFunction, disabled,
                Objects.requireNonNull(sink, "sink"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The ColdStart blob carries {@code Service}, {@code FunctionName} and the default dimensions:
     * it must fit one dimension set and must not hold a name twice, which only init can still fix.
     */
    private static void checkColdStartDimensions(Map<String, String> defaults) {
        if (defaults.containsKey(ImmediateBlobs.COLD_START_METRIC)) {
            throw new ConfigurationException("Default dimension '" + ImmediateBlobs.COLD_START_METRIC
                    + "' collides with the ColdStart metric that captureColdStart writes (one blob cannot hold a "
                    + "dimension and a metric of the same name): rename the dimension or turn captureColdStart off");
        }
        if (defaults.containsKey(FUNCTION_NAME_DIMENSION)) {
            throw new ConfigurationException("Default dimension '" + FUNCTION_NAME_DIMENSION + "' collides with the "
                    + FUNCTION_NAME_DIMENSION + " dimension of the ColdStart blob: set the functionName option "
                    + "(MetricsOptions.builder().functionName(..) or " + FUNCTION_NAME_VARIABLE + ") instead");
        }
        int others = defaults.size() - (defaults.containsKey(SERVICE_DIMENSION) ? 1 : 0);
        int count = 2 + others;
        if (count > Validation.MAX_DIMENSIONS) {
            throw new ConfigurationException("captureColdStart: the ColdStart blob would carry " + count
                    + " dimensions (Service, FunctionName and " + others + " default dimensions); a dimension set "
                    + "holds at most " + Validation.MAX_DIMENSIONS + ": remove default dimensions or turn "
                    + "captureColdStart off");
        }
    }

    /**
     * The configuration used when code adds metrics in an invocation no flusher wraps: read from
     * the invocation's environment, written to stdout, a missing namespace reported at flush.
     *
     * @param executionEnvironment the invocation's environment
     * @return the defaults, computed once per environment
     */
    public static MetricsConfig defaults(ExecutionEnvironment executionEnvironment) {
        MetricsConfig cached = lastDefaults;
        if (cached != null && cached.executionEnvironment == executionEnvironment) {
            return cached;
        }
        MetricsConfig created = resolve(executionEnvironment, null, null, Map.of(), false, false, null,
                EmfSink.stdout(), Clock.systemUTC(), false);
        lastDefaults = created;
        return created;
    }

    /** @return the environment invocations open in */
    public ExecutionEnvironment executionEnvironment() {
        return executionEnvironment;
    }

    /** @return the namespace, or null when none is configured */
    public String namespace() {
        return namespace;
    }

    /** @return the configured service, or null when neither option nor variable set one */
    public String service() {
        return service;
    }

    /**
     * The {@code Service} dimension of the cold-start blob: the configured service, else a default
     * dimension named {@code Service}, else the core default ({@code service_undefined}).
     *
     * @return the service
     */
    public String coldStartService() {
        if (service != null) {
            return service;
        }
        String fromDefaults = defaultDimensions.get(SERVICE_DIMENSION);
        return fromDefaults != null ? fromDefaults : executionEnvironment.serviceName();
    }

    /** @return the default dimensions, without {@code Service} */
    public Map<String, String> defaultDimensions() {
        return defaultDimensions;
    }

    /** @return keys of the dimensions every blob starts with ({@code Service} first); do not modify */
    String[] baseKeys() {
        return baseKeys;
    }

    /** @return values matching {@link #baseKeys()}; do not modify */
    String[] baseValues() {
        return baseValues;
    }

    /** @return whether the cold-start metric is written */
    public boolean captureColdStart() {
        return captureColdStart;
    }

    /** @return whether an invocation without metrics fails */
    public boolean raiseOnEmptyMetrics() {
        return raiseOnEmptyMetrics;
    }

    /** @return the function name of the cold-start metric, or null to take it from the context */
    public String functionName() {
        return functionName;
    }

    /** @return whether output is turned off */
    public boolean disabled() {
        return disabled;
    }

    /** @return where lines go */
    public EmfSink sink() {
        return sink;
    }

    /** @return the request and function members every blob carries */
    ContextMembers contextMembers() {
        return contextMembers;
    }

    /** @return the clock for timestamps */
    public Clock clock() {
        return clock;
    }
}
