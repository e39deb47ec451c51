package io.powertools.benchmarks.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** No library: three hand-written JSON lines on System.out. The floor of every comparison. */
public class BareHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        String requestId = context.getAwsRequestId();
        System.out.println("{\"level\":\"INFO\",\"message\":\"Processing order\",\"function_request_id\":\"" + requestId + "\"}");
        System.out.println("{\"level\":\"INFO\",\"message\":\"Order accepted\",\"function_request_id\":\"" + requestId
                + "\",\"orderId\":\"" + event.get("orderId") + "\",\"total\":42}");
        System.out.println("{\"level\":\"INFO\",\"message\":\"Done\",\"function_request_id\":\"" + requestId + "\"}");
        return "ok";
    }
}
