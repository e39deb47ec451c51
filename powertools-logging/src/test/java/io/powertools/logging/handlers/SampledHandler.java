package io.powertools.logging.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A woven handler that always samples DEBUG. */
public class SampledHandler implements RequestHandler<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(SampledHandler.class);

    @Override
    @Logging(samplingRate = 1.0)
    public String handleRequest(String event, Context context) {
        LOG.debug("debug {}", event);
        return event;
    }
}
