package io.powertools.benchmarks.handlers;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** The same handler on Powertools for AWS Lambda (Java) 2.9.0's functional API (no weaving). */
public class PowertoolsFunctionalHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsFunctionalHandler.class);
    private static final Metrics METRICS = MetricsBuilder.builder().withNamespace("Benchmark").build();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            METRICS.captureColdStartMetric(context);
            try {
                MDC.put("orderId", String.valueOf(event.get("orderId")));
                LOG.info("Processing order");
                LOG.info("Order accepted", entry("total", 42), entry("currency", "EUR"));
                METRICS.addDimension("Channel", "web");
                METRICS.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
                METRICS.addMetric("OrderValue", 42.5, MetricUnit.NONE);
                LOG.info("Done");
                MDC.remove("orderId");
                return "ok";
            } finally {
                METRICS.flush();
            }
        });
    }
}
