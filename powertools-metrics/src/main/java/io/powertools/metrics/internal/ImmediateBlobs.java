package io.powertools.metrics.internal;

import io.powertools.core.Invocation;
import io.powertools.metrics.MetricResolution;
import io.powertools.metrics.MetricUnit;
import java.util.Map;

/**
 * Blobs written at once instead of at the end of the invocation: the cold-start metric and
 * single metrics with their own namespace and dimensions.
 */
public final class ImmediateBlobs {

    /** Name of the cold-start metric. */
    public static final String COLD_START_METRIC = "ColdStart";

    private ImmediateBlobs() {
    }

    /**
     * Writes {@code ColdStart=1} with dimensions {@code Service}, {@code FunctionName} and the
     * default dimensions, each once; {@link MetricsConfig} checked at init that they fit one
     * dimension set and that none of them is named like the metric.
     *
     * @param config the flusher's configuration (its namespace is set)
     * @param invocation the cold-start invocation
     * @param contextFunctionName the context's function name, used when none is configured
     */
    public static void writeColdStart(MetricsConfig config, Invocation invocation, String contextFunctionName) {
        String functionName = config.functionName() != null ? config.functionName() : contextFunctionName;
        Map<String, String> defaults = config.defaultDimensions();
        String[] keys = new String[2 + defaults.size()];
        String[] values = new String[keys.length];
        int n = 0;
        keys[n] = MetricsConfig.SERVICE_DIMENSION;
        values[n++] = config.coldStartService();
        if (functionName != null && !functionName.isBlank()) {
            keys[n] = MetricsConfig.FUNCTION_NAME_DIMENSION;
            values[n++] = Validation.dimensionValue(MetricsConfig.FUNCTION_NAME_DIMENSION, functionName);
        }
        for (Map.Entry<String, String> entry : defaults.entrySet()) {
            if (!entry.getKey().equals(MetricsConfig.SERVICE_DIMENSION)) {
                keys[n] = entry.getKey();
                values[n++] = entry.getValue();
            }
        }
        Series coldStart = new Series(COLD_START_METRIC, MetricUnit.COUNT, MetricResolution.STANDARD, 1);
        new EmfWriter(config.sink()).writeBlob(config.namespace(), config.clock().millis(), keys, values, n,
                new Series[] {coldStart}, 1, 0, null, config.contextMembers().encode(invocation));
    }

    /**
     * Validates and writes one metric with its own namespace and dimensions.
     *
     * @param config the configuration giving the sink and clock
     * @param invocation the current invocation, or null outside one
     * @param name the metric name
     * @param value the value
     * @param unit the unit
     * @param resolution the resolution
     * @param namespace the namespace
     * @param dimensions the dimensions, in order
     * @throws IllegalArgumentException when a rule is broken, naming it
     */
    public static void writeSingle(MetricsConfig config, Invocation invocation, String name, double value,
            MetricUnit unit, MetricResolution resolution, String namespace, Map<String, String> dimensions) {
        Validation.namespace(namespace);
        Validation.metricName(name);
        Validation.metricValue(name, value);
        if (unit == null || resolution == null) {
            throw new IllegalArgumentException("Metric '" + name + "' needs a unit and a resolution");
        }
        if (dimensions == null) {
            dimensions = Map.of();
        }
        if (dimensions.size() > Validation.MAX_DIMENSIONS) {
            throw new IllegalArgumentException(dimensions.size() + " dimensions for metric '" + name
                    + "': a dimension set holds at most " + Validation.MAX_DIMENSIONS + " dimensions");
        }
        String[] keys = new String[dimensions.size()];
        String[] values = new String[keys.length];
        int n = 0;
        for (Map.Entry<String, String> entry : dimensions.entrySet()) {
            String key = Validation.dimensionKey(entry.getKey());
            if (key.equals(name)) {
                throw new IllegalArgumentException("Dimension key '" + key
                        + "' equals the metric name: metric names and dimension keys share the blob's root");
            }
            keys[n] = key;
            values[n++] = Validation.dimensionValue(key, entry.getValue());
        }
        if (config.disabled() || (invocation != null && invocation.isPriming())) {
            return;
        }
        Series series = new Series(name, unit, resolution, value);
        new EmfWriter(config.sink()).writeBlob(namespace, config.clock().millis(), keys, values, n,
                new Series[] {series}, 1, 0, null, config.contextMembers().encode(invocation));
    }
}
