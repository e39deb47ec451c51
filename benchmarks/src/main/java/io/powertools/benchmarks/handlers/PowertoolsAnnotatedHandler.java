package io.powertools.benchmarks.handlers;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.Logging;
import software.amazon.lambda.powertools.metrics.FlushMetrics;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** The same handler on Powertools for AWS Lambda (Java) 2.9.0 annotations, woven at build time. */
public class PowertoolsAnnotatedHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsAnnotatedHandler.class);
    private static final Metrics METRICS = MetricsFactory.getMetricsInstance();

    @Override
    @Logging
    @FlushMetrics(namespace = "Benchmark", captureColdStart = true)
    public String handleRequest(Map<String, Object> event, Context context) {
        // Powertools 2.x keys are MDC entries.
        MDC.put("orderId", String.valueOf(event.get("orderId")));
        LOG.info("Processing order");
        LOG.info("Order accepted", entry("total", 42), entry("currency", "EUR"));
        METRICS.addDimension("Channel", "web");
        METRICS.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
        METRICS.addMetric("OrderValue", 42.5, MetricUnit.NONE);
        LOG.info("Done");
        MDC.remove("orderId");
        return "ok";
    }
}
