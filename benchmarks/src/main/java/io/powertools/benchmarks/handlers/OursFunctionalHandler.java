package io.powertools.benchmarks.handlers;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsOptions;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This library's logging and metrics through the functional API, decorated once at init. */
public class OursFunctionalHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(OursFunctionalHandler.class);

    private final RequestHandler<Map<String, Object>, String> handler = Metrics.flushing(
            PowertoolsLogging.decorate(OursFunctionalHandler::handle, LoggingOptions.defaults()),
            MetricsOptions.builder().namespace("Benchmark").captureColdStart(true).build());

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return handler.handleRequest(event, context);
    }

    private static String handle(Map<String, Object> event, Context context) {
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
