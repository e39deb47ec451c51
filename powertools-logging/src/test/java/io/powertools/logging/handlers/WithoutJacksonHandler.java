package io.powertools.logging.handlers;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs where Jackson is not on the class path: keys, text, numbers and booleans are logged as
 * usual, and a map value becomes a note. With {@code LOG_EVENT=true} its options ask for the event
 * line, which needs Jackson, so the init must fail.
 */
public class WithoutJacksonHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(WithoutJacksonHandler.class);

    private final RequestHandler<Map<String, Object>, String> handler = PowertoolsLogging.decorate(
            WithoutJacksonHandler::handle,
            LoggingOptions.builder().logEvent(Boolean.parseBoolean(System.getenv("LOG_EVENT"))).build());

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return handler.handleRequest(event, context);
    }

    private static String handle(Map<String, Object> event, Context context) {
        LogKeys.appendKey("orderId", event.get("orderId"));
        LOG.info("Order accepted", entry("total", 42), entry("paid", true), entry("currency", "EUR"));
        LOG.info("Order details", entry("lines", Map.of("sku", "A-1")));
        return "ok";
    }
}
