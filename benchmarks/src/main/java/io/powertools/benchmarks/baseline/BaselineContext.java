package io.powertools.benchmarks.baseline;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * A fixed Lambda {@link Context} for the baseline world, which cannot see this project's
 * FakeContext (it lives in another class loader). Same values as the benchmarks' own context.
 */
public final class BaselineContext implements Context {

    /** Request id used by every benchmark invocation. */
    public static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    /** X-Ray trace header used by every benchmark invocation. */
    public static final String TRACE_ID = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @Override
    public String getAwsRequestId() {
        return REQUEST_ID;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/benchmark";
    }

    @Override
    public String getLogStreamName() {
        return "2026/01/01/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "benchmark";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:benchmark";
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
        return 30_000;
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
        return TRACE_ID;
    }
}
