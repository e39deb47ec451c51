package io.powertools.metrics.internal;

import io.powertools.core.json.JsonBytes;
import io.powertools.metrics.EmfSink;
import io.powertools.metrics.MetricResolution;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes EMF blobs, one complete line per sink call, and splits a metric set into as many blobs
 * as the limits need (100 metrics per blob, 100 values per metric). A blob over CloudWatch's 1 MB
 * is never written.
 *
 * <p>Blob layout: {@code {"_aws":{"Timestamp":..,"CloudWatchMetrics":[{"Namespace":..,
 * "Dimensions":[[keys]],"Metrics":[{"Name":..,"Unit":..[,"StorageResolution":1]}]}]},
 * <dimensions>, <metric values>, <context members>, <metadata>}} where the context members say
 * which request and function wrote the blob ({@link ContextMembers}).
 * The fixed parts are pre-encoded fragments; names and values go through {@link JsonBytes}.
 *
 * <p>One instance per flush; not thread-safe.
 */
final class EmfWriter {

    private static final byte[] OPEN = JsonBytes.fragment("{\"" + Validation.AWS_KEY + "\":{\"Timestamp\":");
    private static final byte[] NAMESPACE = JsonBytes.fragment(",\"CloudWatchMetrics\":[{\"Namespace\":");
    private static final byte[] DIMENSIONS = JsonBytes.fragment(",\"Dimensions\":[[");
    private static final byte[] METRICS = JsonBytes.fragment("]],\"Metrics\":[");
    private static final byte[] NAME = JsonBytes.fragment("{\"Name\":");
    private static final byte[] UNIT = JsonBytes.fragment(",\"Unit\":");
    private static final byte[] HIGH_RESOLUTION = JsonBytes.fragment(",\"StorageResolution\":"
            + MetricResolution.HIGH.seconds() + "}");
    private static final byte[] CLOSE_AWS = JsonBytes.fragment("]}]}");

    /** A blob bigger than this does not keep its buffer for the thread's next flush. */
    private static final int RETAINED_BUFFER_BYTES = 64 * 1024;
    /** One spare line buffer per thread, so a flush allocates no buffer. */
    private static final ThreadLocal<SpareBuffer> SPARE = ThreadLocal.withInitial(SpareBuffer::new);

    private final EmfSink sink;

    EmfWriter(EmfSink sink) {
        this.sink = sink;
    }

    /**
     * Writes the series as few blobs as the limits allow. Blob {@code r} of a metric holds its
     * values {@code [100r, 100r+100)}; each round's metrics are grouped by 100.
     */
    void writeSplit(String namespace, long timestamp, String[] dimKeys, String[] dimValues, int dimCount,
            Series[] series, int seriesCount, Map<String, Object> metadata, byte[] context) {
        int maxValues = 0;
        for (int i = 0; i < seriesCount; i++) {
            maxValues = Math.max(maxValues, series[i].size());
        }
        if (maxValues <= Validation.MAX_VALUES_PER_METRIC && seriesCount <= Validation.MAX_METRICS_PER_BLOB) {
            // The common case: everything fits one blob, written straight from the caller's array.
            writeBlob(namespace, timestamp, dimKeys, dimValues, dimCount, series, seriesCount, 0,
                    metadata, context);
            return;
        }
        Series[] group = new Series[Math.min(seriesCount, Validation.MAX_METRICS_PER_BLOB)];
        for (int from = 0; from < maxValues; from += Validation.MAX_VALUES_PER_METRIC) {
            int count = 0;
            for (int i = 0; i < seriesCount; i++) {
                Series s = series[i];
                if (s.size() > from) {
                    group[count++] = s;
                    if (count == group.length) {
                        writeBlob(namespace, timestamp, dimKeys, dimValues, dimCount, group, count, from,
                                metadata, context);
                        count = 0;
                    }
                }
            }
            if (count > 0) {
                writeBlob(namespace, timestamp, dimKeys, dimValues, dimCount, group, count, from,
                        metadata, context);
            }
        }
    }

    /** Writes one blob holding, for each series, its values from {@code valueFrom} (at most 100). */
    void writeBlob(String namespace, long timestamp, String[] dimKeys, String[] dimValues, int dimCount,
            Series[] series, int seriesCount, int valueFrom, Map<String, Object> metadata,
            byte[] context) {
        SpareBuffer spare = SPARE.get();
        // A sink that itself flushes metrics finds the spare in use and gets a fresh buffer.
        JsonBytes buffer = spare.take();
        try {
            writeBlob(buffer, namespace, timestamp, dimKeys, dimValues, dimCount, series, seriesCount, valueFrom,
                    metadata, context);
            int blobBytes = buffer.size() - 1; // the newline is not part of the log event
            if (blobBytes > Validation.MAX_BLOB_BYTES) {
                // The checks at the calls keep every input within the limit; this is the last line of defence
                // for what no call checks (a request id or trace header from the context, for example).
                throw new IllegalStateException("The EMF blob of metrics " + Validation.names(series, seriesCount)
                        + " would have " + blobBytes + " bytes; CloudWatch drops log events over 1 MB ("
                        + Validation.MAX_BLOB_BYTES + " bytes), so it was not written. Its dimensions, metadata or "
                        + "request and trace ids are too large.");
            }
            sink.write(buffer.array(), 0, buffer.size());
        } finally {
            spare.giveBack(buffer);
        }
    }

    private static void writeBlob(JsonBytes out, String namespace, long timestamp, String[] dimKeys,
            String[] dimValues, int dimCount, Series[] series, int seriesCount, int valueFrom,
            Map<String, Object> metadata, byte[] context) {
        out.raw(OPEN).number(timestamp).raw(NAMESPACE).string(namespace).raw(DIMENSIONS);
        for (int i = 0; i < dimCount; i++) {
            if (i > 0) {
                out.raw(',');
            }
            out.string(dimKeys[i]);
        }
        out.raw(METRICS);
        for (int i = 0; i < seriesCount; i++) {
            Series s = series[i];
            if (i > 0) {
                out.raw(',');
            }
            out.raw(NAME).string(s.name).raw(UNIT).string(s.unit.emfName());
            if (s.resolution == MetricResolution.HIGH) {
                out.raw(HIGH_RESOLUTION);
            } else {
                out.raw('}');
            }
        }
        out.raw(CLOSE_AWS);

        for (int i = 0; i < dimCount; i++) {
            out.raw(',').string(dimKeys[i]).raw(':').string(dimValues[i]);
        }
        for (int i = 0; i < seriesCount; i++) {
            Series s = series[i];
            out.raw(',').string(s.name).raw(':');
            int to = Math.min(s.size(), valueFrom + Validation.MAX_VALUES_PER_METRIC);
            if (to - valueFrom == 1) {
                out.number(s.value(valueFrom));
            } else {
                out.raw('[');
                for (int v = valueFrom; v < to; v++) {
                    if (v > valueFrom) {
                        out.raw(',');
                    }
                    out.number(s.value(v));
                }
                out.raw(']');
            }
        }
        out.raw(context);
        if (metadata != null) {
            for (Map.Entry<String, Object> entry : metadata.entrySet()) {
                out.raw(',').string(entry.getKey()).raw(':');
                writeValue(out, entry.getValue());
            }
        }
        out.raw('}').raw('\n');
    }

    private static void writeValue(JsonBytes out, Object value) {
        if (value == null) {
            out.ascii("null");
        } else if (value instanceof String text) {
            out.string(text);
        } else if (value instanceof Boolean bool) {
            out.ascii(bool ? "true" : "false");
        } else if (value instanceof Long number) {
            out.number(number.longValue());
        } else if (value instanceof Double number) {
            // Metadata keeps Java's rendering (3.0 stays 3.0); MetadataValues rejected non-finite values.
            out.ascii(number.toString());
        } else if (value instanceof BigInteger || value instanceof BigDecimal) {
            out.ascii(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.raw('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                out.string((String) entry.getKey()).raw(':');
                writeValue(out, entry.getValue());
            }
            out.raw('}');
        } else if (value instanceof List<?> list) {
            out.raw('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.raw(',');
                }
                writeValue(out, list.get(i));
            }
            out.raw(']');
        } else {
            // MetadataValues.copy only produces the types above.
            throw new IllegalStateException("unexpected metadata type " + value.getClass());
        }
    }

    /** The spare buffer of one thread, marked while a flush on that thread uses it. */
    private static final class SpareBuffer {
        private JsonBytes buffer = new JsonBytes(2048);
        private boolean inUse;

        JsonBytes take() {
            if (inUse) {
                return new JsonBytes(2048);
            }
            inUse = true;
            buffer.reset();
            return buffer;
        }

        void giveBack(JsonBytes used) {
            if (used == buffer) {
                inUse = false;
                if (used.capacity() > RETAINED_BUFFER_BYTES) {
                    buffer = new JsonBytes(2048);
                }
            }
        }
    }
}
