package io.powertools.logging.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.logging.LogKeys;
import io.powertools.logging.Logging;
import io.powertools.logging.PowertoolsLogging;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Run by the real runtime client in a child JVM; woven with @Logging. */
public class EndToEndHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndHandler.class);
    private static final Logger BUFFERED = LoggerFactory.getLogger("buffered.e2e");

    static {
        LOG.info("init");
    }

    @Override
    @Logging(samplingRate = 0.5, logError = true)
    public String handleRequest(Map<String, Object> event, Context context) {
        String id = context.getAwsRequestId();
        LogKeys.appendKey("inv", id);
        LOG.info("info {}", id);
        LOG.debug("debug {}", id);
        BUFFERED.debug("held {}", id);
        if (Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalStateException("failure " + id);
        }
        return PowertoolsLogging.isSampled() ? "sampled" : "unsampled";
    }
}
