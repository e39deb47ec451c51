package io.powertools.metrics.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.powertools.metrics.EmfSink;
import io.powertools.metrics.MetricResolution;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes EMF blobs with the Jackson streaming generator, one complete line per sink call, and
 * splits a metric set into as many blobs as the limits need (100 metrics per blob, 100 values
 * per metric).
 *
 * <p>Blob layout: {@code {"_aws":{"Timestamp":..,"CloudWatchMetrics":[{"Namespace":..,
 * "Dimensions":[[keys]],"Metrics":[{"Name":..,"Unit":..[,"StorageResolution":1]}]}]},
 * <dimensions>, <metric values>, "function_request_id":..,"xray_trace_id":.., <metadata>}}.
 *
 * <p>One instance per flush; not thread-safe.
 */
final class EmfWriter {

    /** Built once; streaming generators carry no configuration cost per blob. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();
    /** Integral values below this are written without a fraction ({@code 3}, not {@code 3.0}). */
    private static final double EXACT_LONG_LIMIT = 9.007199254740992E15;

    /** A blob bigger than this does not keep its buffer for the thread's next flush. */
    private static final int RETAINED_BUFFER_BYTES = 64 * 1024;
    /**
     * One spare line buffer per thread, so a flush allocates no buffer. It is taken out while in
     * use, so a sink that itself flushes metrics gets a fresh one instead of a clobbered one.
     */
    private static final ThreadLocal<LineBuffer> SPARE = new ThreadLocal<>();

    private final EmfSink sink;
    private int blobs;

    EmfWriter(EmfSink sink) {
        this.sink = sink;
    }

    /**
     * Writes the series as few blobs as the limits allow. Blob {@code r} of a metric holds its
     * values {@code [100r, 100r+100)}; each round's metrics are grouped by 100.
     */
    void writeSplit(String namespace, long timestamp, String[] dimKeys, String[] dimValues, int dimCount,
            List<Series> series, Map<String, Object> metadata, String requestId, String traceId) {
        int maxValues = 0;
        for (int i = 0; i < series.size(); i++) {
            maxValues = Math.max(maxValues, series.get(i).size());
        }
        Series[] group = new Series[Math.min(series.size(), Validation.MAX_METRICS_PER_BLOB)];
        for (int from = 0; from < maxValues; from += Validation.MAX_VALUES_PER_METRIC) {
            int count = 0;
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                if (s.size() > from) {
                    group[count++] = s;
                    if (count == group.length) {
                        writeBlob(namespace, timestamp, dimKeys, dimValues, dimCount, group, count, from,
                                metadata, requestId, traceId);
                        count = 0;
                    }
                }
            }
            if (count > 0) {
                writeBlob(namespace, timestamp, dimKeys, dimValues, dimCount, group, count, from,
                        metadata, requestId, traceId);
            }
        }
    }

    /** Writes one blob holding, for each series, its values from {@code valueFrom} (at most 100). */
    void writeBlob(String namespace, long timestamp, String[] dimKeys, String[] dimValues, int dimCount,
            Series[] series, int seriesCount, int valueFrom, Map<String, Object> metadata,
            String requestId, String traceId) {
        LineBuffer buffer = SPARE.get();
        if (buffer == null) {
            buffer = new LineBuffer(2048);
        } else {
            SPARE.remove();
            buffer.reset();
        }
        try {
            writeBlob(buffer, namespace, timestamp, dimKeys, dimValues, dimCount, series, seriesCount, valueFrom,
                    metadata, requestId, traceId);
        } finally {
            if (buffer.bytes().length <= RETAINED_BUFFER_BYTES) {
                SPARE.set(buffer);
            }
        }
    }

    private void writeBlob(LineBuffer buffer, String namespace, long timestamp, String[] dimKeys, String[] dimValues,
            int dimCount, Series[] series, int seriesCount, int valueFrom, Map<String, Object> metadata,
            String requestId, String traceId) throws UncheckedIOException {
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeFieldName(Validation.AWS_KEY);
            g.writeStartObject();
            g.writeNumberField("Timestamp", timestamp);
            g.writeFieldName("CloudWatchMetrics");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeFieldName("Dimensions");
            g.writeStartArray();
            g.writeStartArray();
            for (int i = 0; i < dimCount; i++) {
                g.writeString(dimKeys[i]);
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeFieldName("Metrics");
            g.writeStartArray();
            for (int i = 0; i < seriesCount; i++) {
                Series s = series[i];
                g.writeStartObject();
                g.writeStringField("Name", s.name);
                g.writeStringField("Unit", s.unit.emfName());
                if (s.resolution == MetricResolution.HIGH) {
                    g.writeNumberField("StorageResolution", MetricResolution.HIGH.seconds());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();

            for (int i = 0; i < dimCount; i++) {
                g.writeStringField(dimKeys[i], dimValues[i]);
            }
            for (int i = 0; i < seriesCount; i++) {
                Series s = series[i];
                g.writeFieldName(s.name);
                int to = Math.min(s.size(), valueFrom + Validation.MAX_VALUES_PER_METRIC);
                if (to - valueFrom == 1) {
                    writeNumber(g, s.value(valueFrom));
                } else {
                    g.writeStartArray();
                    for (int v = valueFrom; v < to; v++) {
                        writeNumber(g, s.value(v));
                    }
                    g.writeEndArray();
                }
            }
            if (requestId != null) {
                g.writeStringField(Validation.REQUEST_ID_KEY, requestId);
            }
            if (traceId != null) {
                g.writeStringField(Validation.TRACE_ID_KEY, traceId);
            }
            if (metadata != null) {
                for (Map.Entry<String, Object> entry : metadata.entrySet()) {
                    g.writeFieldName(entry.getKey());
                    writeValue(g, entry.getValue());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            // Only the sink could fail, and the buffer never does.
            throw new UncheckedIOException("Could not write EMF blob", e);
        }
        buffer.write('\n');
        sink.write(buffer.bytes(), 0, buffer.size());
        blobs++;
    }

    /** @return how many blobs this writer wrote */
    int blobs() {
        return blobs;
    }

    private static void writeNumber(JsonGenerator g, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG_LIMIT) {
            g.writeNumber((long) value);
        } else {
            g.writeNumber(value);
        }
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Boolean bool) {
            g.writeBoolean(bool);
        } else if (value instanceof Long number) {
            g.writeNumber(number);
        } else if (value instanceof Double number) {
            g.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            g.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            g.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                g.writeFieldName((String) entry.getKey());
                writeValue(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object element : list) {
                writeValue(g, element);
            }
            g.writeEndArray();
        } else {
            // MetadataValues.copy only produces the types above.
            throw new IllegalStateException("unexpected metadata type " + value.getClass());
        }
    }

    /** A byte buffer whose array is handed to the sink without a copy. */
    private static final class LineBuffer extends ByteArrayOutputStream {
        LineBuffer(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
