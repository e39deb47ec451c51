package io.powertools.core;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.UUID;

/**
 * A minimal Context for core's own tests (core cannot depend on powertools-testing, which
 * depends on core; users get the full FakeContext there).
 */
public record TestContext(String requestId, String traceId, String tenantId, int remainingMillis)
        implements Context {

    public static TestContext random() {
        return new TestContext(UUID.randomUUID().toString(), "Root=1-" + UUID.randomUUID(), null, 30_000);
    }

    public static TestContext withRequestId(String requestId) {
        return new TestContext(requestId, null, null, 30_000);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
        return "stream";
    }

    @Override
    public String getFunctionName() {
        return "test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }

    @Override
    public String getXrayTraceId() {
        return traceId;
    }

    @Override
    public String getTenantId() {
        return tenantId;
    }
}
