package io.powertools.metrics.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.metrics.FlushMetrics;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import java.util.Map;

/**
 * A handler using the annotation, woven by ajc at test-compile time. The event says how many
 * values to add; each value encodes the request so tests can check isolation.
 */
public class AnnotatedHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    @FlushMetrics(namespace = "Annotated", service = "annotated-svc", captureColdStart = true)
    public String handleRequest(Map<String, Object> event, Context context) {
        int values = event == null || event.get("values") == null ? 1 : ((Number) event.get("values")).intValue();
        int id = event == null || event.get("id") == null ? 0 : ((Number) event.get("id")).intValue();
        Metrics.addDimension("Caller", "annotated");
        for (int i = 0; i < values; i++) {
            Metrics.addMetric("Value", id * 1000.0 + i, MetricUnit.COUNT);
        }
        if (event != null && Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalArgumentException("requested failure");
        }
        return "ok-" + id;
    }
}
