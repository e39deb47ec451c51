package io.powertools.logging.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.CorrelationIdPaths;
import io.powertools.logging.LogKeys;
import io.powertools.logging.Logging;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A handler woven by ajc in the module's test-compile phase. */
public class AnnotatedHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(AnnotatedHandler.class);

    @Override
    @Logging(logEvent = true, logResponse = true, logError = true, correlationIdPath = CorrelationIdPaths.EVENT_BRIDGE)
    public String handleRequest(Map<String, Object> event, Context context) {
        LogKeys.appendKey("handler", "annotated");
        LOG.info("handling");
        if (event.containsKey("fail")) {
            throw new IllegalStateException("asked to fail");
        }
        return "done";
    }
}
