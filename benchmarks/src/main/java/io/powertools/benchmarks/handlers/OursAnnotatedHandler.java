package io.powertools.benchmarks.handlers;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.LogKeys;
import io.powertools.logging.Logging;
import io.powertools.metrics.FlushMetrics;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This library's logging and metrics through the annotations (woven at build time). */
public class OursAnnotatedHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(OursAnnotatedHandler.class);

    @Override
    @Logging
    @FlushMetrics(namespace = "Benchmark", captureColdStart = true)
    public String handleRequest(Map<String, Object> event, Context context) {
        LogKeys.appendKey("orderId", event.get("orderId"));
        LOG.info("Processing order");
        LOG.info("Order accepted", entry("total", 42), entry("currency", "EUR"));
        Metrics.addDimension("Channel", "web");
        Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
        Metrics.addMetric("OrderValue", 42.5, MetricUnit.NONE);
        LOG.info("Done");
        return "ok";
    }
}
