package io.powertools.benchmarks.support;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.benchmarks.baseline.BaselineContext;
import io.powertools.testing.FakeContext;

/** The Lambda context every benchmark of this library uses: the same values as the baseline's. */
public final class BenchContext {

    private BenchContext() {
    }

    /**
     * A context with the shared request id, trace id and function values.
     *
     * @return the context
     */
    public static Context create() {
        return FakeContext.builder()
                .awsRequestId(BaselineContext.REQUEST_ID)
                .xrayTraceId(BaselineContext.TRACE_ID)
                .functionName("benchmark")
                .functionVersion("$LATEST")
                .invokedFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:benchmark")
                .memoryLimitInMB(512)
                .remainingTimeInMillis(30_000)
                .build();
    }
}
