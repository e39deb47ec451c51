package io.powertools.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test handler: answers with what the runtime client passed in, so tests can check the wiring.
 * Event keys steer it: {@code sleepMillis} keeps the thread busy, {@code fail: true} throws,
 * {@code exitCode} ends the JVM like a crash.
 */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        System.out.println("echo-handler request " + context.getAwsRequestId());
        if (event.get("exitCode") instanceof Number exitCode) {
            Runtime.getRuntime().halt(exitCode.intValue());
        }
        if (Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalStateException("order " + event.get("orderId") + " is broken");
        }
        Object sleepMillis = event.get("sleepMillis");
        if (sleepMillis instanceof Number millis) {
            try {
                // Keeps the handler thread busy so concurrent invocations overlap.
                Thread.sleep(millis.longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", context.getAwsRequestId());
        answer.put("traceId", context.getXrayTraceId());
        answer.put("tenantId", context.getTenantId());
        answer.put("thread", Thread.currentThread().getName());
        answer.put("functionName", context.getFunctionName());
        answer.put("memory", context.getMemoryLimitInMB());
        answer.put("remainingMillis", context.getRemainingTimeInMillis());
        answer.put("invokedFunctionArn", context.getInvokedFunctionArn());
        answer.put("customEnv", System.getenv("ECHO_CUSTOM"));
        answer.put("initializationType", System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        answer.put("region", System.getenv("AWS_REGION"));
        answer.put("accessKeyId", System.getenv("AWS_ACCESS_KEY_ID"));
        answer.put("secretAccessKey", System.getenv("AWS_SECRET_ACCESS_KEY"));
        answer.put("sessionToken", System.getenv("AWS_SESSION_TOKEN"));
        answer.put("event", event);
        return answer;
    }
}
