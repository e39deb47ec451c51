package io.powertools.benchmarks.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** SLF4J on Log4j2 JSON Template Layout with static Lambda fields: what a team writes by hand. */
public class Log4jJsonHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(Log4jJsonHandler.class);

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        MDC.put("function_request_id", context.getAwsRequestId());
        try {
            LOG.info("Processing order");
            MDC.put("orderId", String.valueOf(event.get("orderId")));
            MDC.put("total", "42");
            LOG.info("Order accepted");
            LOG.info("Done");
            return "ok";
        } finally {
            MDC.clear();
        }
    }
}
