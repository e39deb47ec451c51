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
import io.powertools.tracing.HandlerTracer;
import io.powertools.tracing.Tracer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OursFunctionalHandler} with tracing added: the handler's subsegment, an annotation and one
 * nested subsegment per invocation, sent to the X-Ray daemon address over UDP. The difference to
 * OursFunctionalHandler is the cold-start cost of tracing.
 */
public class OursTracedHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(OursTracedHandler.class);

    private final RequestHandler<Map<String, Object>, String> handler = Metrics.flushing(
            PowertoolsLogging.decorate(HandlerTracer.fromEnvironment().decorate(OursTracedHandler::handle),
                    LoggingOptions.defaults()),
            MetricsOptions.builder().namespace("Benchmark").captureColdStart(true).build());

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return handler.handleRequest(event, context);
    }

    private static String handle(Map<String, Object> event, Context context) {
        LogKeys.appendKey("orderId", event.get("orderId"));
        Tracer.putAnnotation("orderId", String.valueOf(event.get("orderId")));
        LOG.info("Processing order");
        Tracer.subsegment("price", () -> LOG.info("Order accepted", entry("total", 42), entry("currency", "EUR")));
        Metrics.addDimension("Channel", "web");
        Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
        Metrics.addMetric("OrderValue", 42.5, MetricUnit.NONE);
        LOG.info("Done");
        return "ok";
    }
}
