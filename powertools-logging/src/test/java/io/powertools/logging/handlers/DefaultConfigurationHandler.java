package io.powertools.logging.handlers;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs with no Log4j2 configuration file of its own: one INFO line with a structured argument, one
 * DEBUG line and one ERROR line with an exception.
 */
public class DefaultConfigurationHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultConfigurationHandler.class);

    /** With {@code PLAIN_SLF4J=true} it logs through SLF4J only and never calls the logging API. */
    private final RequestHandler<Map<String, Object>, String> handler = Boolean.parseBoolean(System.getenv("PLAIN_SLF4J"))
            ? DefaultConfigurationHandler::handle
            : PowertoolsLogging.decorate(DefaultConfigurationHandler::handle, LoggingOptions.defaults());

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return handler.handleRequest(event, context);
    }

    private static String handle(Map<String, Object> event, Context context) {
        LOG.info("Order accepted", entry("orderId", event.get("orderId")));
        LOG.debug("Order detail");
        LOG.error("Payment failed", new IllegalStateException("card declined"));
        return "ok";
    }
}
