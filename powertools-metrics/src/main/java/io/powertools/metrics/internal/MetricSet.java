package io.powertools.metrics.internal;

import io.powertools.core.Invocation;
import io.powertools.core.json.JsonBytes;
import io.powertools.metrics.MetricResolution;
import io.powertools.metrics.MetricUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics, dimensions and metadata one invocation recorded, kept in the invocation (never in
 * a static or a thread). Every check runs at the call, so {@link #flush()} cannot write a blob
 * CloudWatch would reject; the timestamp, which ages, is checked again at the flush.
 *
 * <p>Once {@link #close() closed} (its flusher finished, or its invocation closed), a set refuses
 * every call with an exception naming what was not recorded, so a background task that outlives
 * the handler learns at its own call that its metric is lost, and no other scope fails for it.
 *
 * <p>Thread-safe: workers of the invocation add concurrently. The lock is this object, which
 * belongs to one invocation, so invocations never contend with each other.
 *
 * <p>Metrics and dimensions live in insertion-ordered arrays: a handler adds a handful, found by a
 * linear scan that beats hashing at that size; a set that grows past {@link #INDEXED_FROM}
 * metrics gets a hash index as well.
 */
public final class MetricSet {

    /** From this many metric names on, lookups go through a hash index. */
    static final int INDEXED_FROM = 16;

    private final MetricsConfig config;
    private final Invocation invocation;

    // Guarded by this.
    private Series[] series = new Series[INDEXED_FROM];
    private int seriesCount;
    private HashMap<String, Series> seriesIndex;
    /** Dimensions added in this invocation (overrides of default ones included), in order. */
    private String[] dimensionKeys;
    private String[] dimensionValues;
    private int dimensionCount;
    private int addedDimensionKeys;
    private LinkedHashMap<String, MetadataValues.Copy> metadata;
    private long metadataBytes;
    private String namespace;
    private long timestamp = Long.MIN_VALUE;
    private boolean flushedAny;
    /** The context members of this invocation's blobs, encoded on first use. */
    private byte[] context;
    private boolean closed;

    /**
     * Creates the empty set of one invocation.
     *
     * @param config the configuration that decides namespace, dimensions and output
     * @param invocation the invocation it belongs to
     */
    public MetricSet(MetricsConfig config, Invocation invocation) {
        this.config = Objects.requireNonNull(config, "config");
        this.invocation = Objects.requireNonNull(invocation, "invocation");
    }

    /**
     * A set that refuses every call: for code that records metrics in an invocation that has
     * already closed.
     *
     * @param config the configuration
     * @param invocation the closed invocation
     * @return the closed set
     */
    public static MetricSet closed(MetricsConfig config, Invocation invocation) {
        MetricSet set = new MetricSet(config, invocation);
        set.closed = true;
        return set;
    }

    /**
     * Records a value; a name added again gets one more value (an array in the blob).
     *
     * @param name the metric name
     * @param value the value
     * @param unit the unit; a name keeps the unit of its first value
     * @param resolution the resolution; a name keeps the resolution of its first value
     * @throws IllegalArgumentException when a rule is broken, naming it
     */
    public void addMetric(String name, double value, MetricUnit unit, MetricResolution resolution) {
        Validation.metricName(name);
        Validation.metricValue(name, value);
        if (unit == null) {
            throw new IllegalArgumentException("Metric '" + name + "' has no unit: pass a MetricUnit "
                    + "(MetricUnit.NONE for a value without unit)");
        }
        if (resolution == null) {
            throw new IllegalArgumentException("Metric '" + name + "' has no resolution: pass "
                    + "MetricResolution.STANDARD or HIGH");
        }
        synchronized (this) {
            if (closed) {
                throw refused("Metric '" + name + "'");
            }
            Series series = findSeries(name);
            if (series == null) {
                if (isDimension(name)) {
                    throw new IllegalArgumentException("Metric name '" + name
                            + "' is already a dimension key: metric names and dimension keys share the blob's root");
                }
                if (metadata != null && metadata.containsKey(name)) {
                    throw new IllegalArgumentException("Metric name '" + name
                            + "' is already a metadata key: metric names and metadata keys share the blob's root");
                }
                appendSeries(new Series(name, unit, resolution, value));
                return;
            }
            if (series.resolution != resolution) {
                throw new IllegalArgumentException("Metric '" + name + "' was added with resolution "
                        + series.resolution + " and now with " + resolution
                        + ": one metric name has one storage resolution");
            }
            if (series.unit != unit) {
                throw new IllegalArgumentException("Metric '" + name + "' was added with unit " + series.unit
                        + " and now with " + unit + ": one metric name has one unit");
            }
            series.add(value);
        }
    }

    /**
     * Adds a dimension (or replaces the value of one with the same key, default ones included).
     *
     * @param key the key
     * @param value the value
     * @throws IllegalArgumentException when a rule is broken, naming it
     */
    public void addDimension(String key, String value) {
        Validation.dimensionKey(key);
        Validation.dimensionValue(key, value);
        synchronized (this) {
            if (closed) {
                throw refused("Dimension '" + key + "'");
            }
            if (findSeries(key) != null) {
                throw new IllegalArgumentException("Dimension key '" + key
                        + "' is already a metric name: metric names and dimension keys share the blob's root");
            }
            if (metadata != null && metadata.containsKey(key)) {
                throw new IllegalArgumentException("Dimension key '" + key
                        + "' is already a metadata key: dimension keys and metadata keys share the blob's root");
            }
            int index = addedDimensionIndex(key);
            if (index >= 0) {
                dimensionValues[index] = value;
                return;
            }
            boolean base = isBaseDimension(key);
            if (!base && config.baseKeys().length + addedDimensionKeys + 1 > Validation.MAX_DIMENSIONS) {
                throw new IllegalArgumentException("Cannot add dimension '" + key + "': a dimension set holds at most "
                        + Validation.MAX_DIMENSIONS + " dimensions (Service and default dimensions included)");
            }
            appendDimension(key, value);
            if (!base) {
                addedDimensionKeys++;
            }
        }
    }

    /**
     * Adds metadata: searchable in CloudWatch Logs, not a metric or dimension.
     *
     * @param key the key
     * @param value strings, numbers, booleans, null, and maps/lists of them; copied now
     * @throws IllegalArgumentException when a rule is broken, naming it
     */
    public void addMetadata(String key, Object value) {
        Validation.metadataKey(key);
        MetadataValues.Copy copy = MetadataValues.copy(key, value);
        long entryBytes = MetadataValues.memberBytes(key, copy);
        synchronized (this) {
            if (closed) {
                throw refused("Metadata '" + key + "'");
            }
            if (findSeries(key) != null || isDimension(key)) {
                throw new IllegalArgumentException("Metadata key '" + key
                        + "' is already a metric name or dimension key: they share the blob's root");
            }
            if (metadata == null) {
                metadata = new LinkedHashMap<>();
                // Every blob repeats the context members next to the metadata: they share its budget.
                metadataBytes = context().length;
            }
            MetadataValues.Copy previous = metadata.get(key);
            long total = metadataBytes + entryBytes - (previous == null ? 0 : MetadataValues.memberBytes(key, previous));
            if (total > MetadataValues.MAX_METADATA_BYTES) {
                throw new IllegalArgumentException("Metadata '" + key + "' would bring the metadata of invocation "
                        + invocation.requestId() + " to " + total + " bytes as written (request id, "
                        + "trace and function members included): at most " + MetadataValues.MAX_METADATA_BYTES
                        + " bytes, so each EMF line stays under CloudWatch's 1 MB log event limit");
            }
            metadata.put(key, copy);
            metadataBytes = total;
        }
    }

    /**
     * Sets the namespace of this invocation's blobs, overriding the configured one.
     *
     * @param namespace the namespace
     * @throws IllegalArgumentException when the namespace is invalid
     */
    public void setNamespace(String namespace) {
        Validation.namespace(namespace);
        synchronized (this) {
            if (closed) {
                throw refused("Namespace '" + namespace + "'");
            }
            this.namespace = namespace;
        }
    }

    /**
     * Sets the timestamp of this invocation's blobs (default: the flush time).
     *
     * @param epochMillis the timestamp in milliseconds since the epoch
     * @throws IllegalArgumentException when outside 14 days past to 2 hours future
     */
    public void setTimestamp(long epochMillis) {
        Validation.timestamp(epochMillis, config.clock().millis());
        synchronized (this) {
            if (closed) {
                throw refused("Timestamp " + epochMillis);
            }
            this.timestamp = epochMillis;
        }
    }

    /**
     * Writes what was recorded as EMF lines and starts over (dimensions back to the defaults,
     * metadata and timestamp cleared). Writes nothing while priming or when metrics are disabled.
     *
     * @return whether there were metrics to flush
     * @throws IllegalStateException when there are metrics but no namespace anywhere, when the
     *     timestamp set on them has left CloudWatch's window since, or when the set is closed
     */
    public synchronized boolean flush() {
        if (closed) {
            throw refused("Metrics.flush()");
        }
        return write();
    }

    /**
     * Flushes what is left and refuses every later call. Closing twice does nothing.
     *
     * @return whether there were metrics to flush
     * @throws IllegalStateException as {@link #flush()} does; the set is closed all the same
     */
    public synchronized boolean close() {
        if (closed) {
            return false;
        }
        try {
            return write();
        } finally {
            closed = true;
        }
    }

    /**
     * Whether the set refuses calls.
     *
     * @return true once closed
     */
    public synchronized boolean isClosed() {
        return closed;
    }

    private boolean write() {
        try {
            if (seriesCount == 0) {
                return false;
            }
            if (config.disabled() || invocation.isPriming()) {
                return true;
            }
            String ns = namespace != null ? namespace : config.namespace();
            if (ns == null) {
                throw new IllegalStateException("No metrics namespace for invocation " + invocation.requestId()
                        + ": set the " + MetricsConfig.NAMESPACE_VARIABLE + " environment variable, the namespace "
                        + "option of @FlushMetrics / MetricsOptions, or call Metrics.setNamespace(..). "
                        + seriesCount + " metric(s) were not written.");
            }
            long now = config.clock().millis();
            long ts = now;
            if (timestamp != Long.MIN_VALUE) {
                // Valid when set, but the handler may have run long enough for it to leave the window.
                String problem = Validation.timestampProblem(timestamp, now);
                if (problem != null) {
                    throw new IllegalStateException("Metrics " + Validation.names(series, seriesCount)
                            + " of invocation " + invocation.requestId() + " were not written: their timestamp "
                            + timestamp + " (Metrics.setTimestamp) is now outside the window and " + problem
                            + ". Set the timestamp closer to the flush, or flush sooner.");
                }
                ts = timestamp;
            }
            String[] baseKeys = config.baseKeys();
            String[] baseValues = config.baseValues();
            int dimCount = baseKeys.length + addedDimensionKeys;
            String[] keys = new String[dimCount];
            String[] values = new String[dimCount];
            // Default dimensions first (with this invocation's overrides), then the added ones in order.
            int n = 0;
            for (int i = 0; i < baseKeys.length; i++) {
                keys[n] = baseKeys[i];
                int override = addedDimensionIndex(baseKeys[i]);
                values[n++] = override >= 0 ? dimensionValues[override] : baseValues[i];
            }
            for (int i = 0; i < dimensionCount; i++) {
                if (!isBaseDimension(dimensionKeys[i])) {
                    keys[n] = dimensionKeys[i];
                    values[n++] = dimensionValues[i];
                }
            }
            Map<String, Object> meta = null;
            if (metadata != null) {
                meta = new LinkedHashMap<>(metadata.size() * 2);
                for (Map.Entry<String, MetadataValues.Copy> entry : metadata.entrySet()) {
                    meta.put(entry.getKey(), entry.getValue().value());
                }
            }
            new EmfWriter(config.sink()).writeSplit(ns, ts, keys, values, dimCount, series, seriesCount, meta, context());
            flushedAny = true;
            return true;
        } finally {
            clear();
        }
    }

    /**
     * Whether an earlier {@link #flush()} of this invocation had metrics.
     *
     * @return true once a flush found metrics
     */
    public synchronized boolean flushedAny() {
        return flushedAny;
    }

    /**
     * The configuration of this set.
     *
     * @return the configuration
     */
    public MetricsConfig config() {
        return config;
    }

    /**
     * The invocation this set belongs to.
     *
     * @return the invocation
     */
    public Invocation invocation() {
        return invocation;
    }

    /**
     * The namespace blobs of this invocation get: the one set on it, else the configured one.
     *
     * @return the namespace, or null when there is none
     */
    public synchronized String namespace() {
        return namespace != null ? namespace : config.namespace();
    }

    private IllegalStateException refused(String what) {
        return new IllegalStateException(what + " was not written: the metrics of invocation "
                + invocation.requestId() + " were already flushed when it came (its flusher had finished or the "
                + "invocation had closed, e.g. a background task outlived the handler). Record metrics before the "
                + "handler returns, or wait for background work inside it.");
    }

    /** The context members every blob of this invocation carries, encoded on first use. */
    private byte[] context() {
        byte[] members = context;
        if (members == null) {
            members = config.contextMembers().encode(invocation);
            context = members;
        }
        return members;
    }

    private void clear() {
        if (series.length > INDEXED_FROM) {
            series = new Series[INDEXED_FROM];
        } else {
            Arrays.fill(series, 0, seriesCount, null);
        }
        seriesCount = 0;
        seriesIndex = null;
        dimensionKeys = null;
        dimensionValues = null;
        dimensionCount = 0;
        addedDimensionKeys = 0;
        metadata = null;
        metadataBytes = 0;
        timestamp = Long.MIN_VALUE;
    }

    private Series findSeries(String name) {
        if (seriesIndex != null) {
            return seriesIndex.get(name);
        }
        for (int i = 0; i < seriesCount; i++) {
            Series s = series[i];
            // Names are mostly the same literals at every call: the identity check usually decides.
            if (s.name == name || s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    private void appendSeries(Series added) {
        if (seriesCount == series.length) {
            series = Arrays.copyOf(series, seriesCount * 2);
        }
        series[seriesCount++] = added;
        if (seriesIndex != null) {
            seriesIndex.put(added.name, added);
        } else if (seriesCount > INDEXED_FROM) {
            seriesIndex = new HashMap<>(seriesCount * 4);
            for (int i = 0; i < seriesCount; i++) {
                seriesIndex.put(series[i].name, series[i]);
            }
        }
    }

    /** @return the position of a dimension added in this invocation, or -1 */
    private int addedDimensionIndex(String key) {
        for (int i = 0; i < dimensionCount; i++) {
            String k = dimensionKeys[i];
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void appendDimension(String key, String value) {
        if (dimensionKeys == null) {
            dimensionKeys = new String[4];
            dimensionValues = new String[4];
        } else if (dimensionCount == dimensionKeys.length) {
            dimensionKeys = Arrays.copyOf(dimensionKeys, dimensionCount * 2);
            dimensionValues = Arrays.copyOf(dimensionValues, dimensionCount * 2);
        }
        dimensionKeys[dimensionCount] = key;
        dimensionValues[dimensionCount++] = value;
    }

    private boolean isDimension(String key) {
        return addedDimensionIndex(key) >= 0 || isBaseDimension(key);
    }

    private boolean isBaseDimension(String key) {
        for (String base : config.baseKeys()) {
            if (base.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
