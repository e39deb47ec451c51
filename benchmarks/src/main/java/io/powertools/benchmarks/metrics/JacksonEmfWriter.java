package io.powertools.benchmarks.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The "hand-written" baseline of issue 4: collects dimensions and metrics in plain lists and
 * writes one EMF blob with Jackson's streaming generator, then prints the line with one write.
 * No validation, no splitting, no per-invocation isolation: the floor a library could reach with
 * Jackson. One instance per thread.
 */
public final class JacksonEmfWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
    private final List<String> dimensionKeys = new ArrayList<>();
    private final List<String> dimensionValues = new ArrayList<>();
    private final List<String> metricNames = new ArrayList<>();
    private final List<String> metricUnits = new ArrayList<>();
    private double[] metricValues = new double[16];

    /**
     * Adds a dimension.
     *
     * @param key the key
     * @param value the value
     */
    public void addDimension(String key, String value) {
        dimensionKeys.add(key);
        dimensionValues.add(value);
    }

    /**
     * Adds a metric.
     *
     * @param name the name
     * @param value the value
     * @param unit the EMF unit name
     */
    public void addMetric(String name, double value, String unit) {
        int index = metricNames.size();
        if (index == metricValues.length) {
            metricValues = java.util.Arrays.copyOf(metricValues, index * 2);
        }
        metricNames.add(name);
        metricUnits.add(unit);
        metricValues[index] = value;
    }

    /**
     * Writes the blob to {@code System.out} and clears the collected values.
     *
     * @param namespace the namespace
     * @param requestId metadata function_request_id
     * @param traceId metadata xray_trace_id
     */
    public void flush(String namespace, String requestId, String traceId) {
        buffer.reset();
        try (JsonGenerator json = FACTORY.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", System.currentTimeMillis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            for (String key : dimensionKeys) {
                json.writeString(key);
            }
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (int i = 0; i < metricNames.size(); i++) {
                json.writeStartObject();
                json.writeStringField("Name", metricNames.get(i));
                json.writeStringField("Unit", metricUnits.get(i));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            for (int i = 0; i < dimensionKeys.size(); i++) {
                json.writeStringField(dimensionKeys.get(i), dimensionValues.get(i));
            }
            for (int i = 0; i < metricNames.size(); i++) {
                json.writeNumberField(metricNames.get(i), metricValues[i]);
            }
            json.writeStringField("function_request_id", requestId);
            json.writeStringField("xray_trace_id", traceId);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.write('\n');
        PrintStream out = System.out;
        out.write(buffer.toByteArray(), 0, buffer.size());
        out.flush();
        dimensionKeys.clear();
        dimensionValues.clear();
        metricNames.clear();
        metricUnits.clear();
    }
}
