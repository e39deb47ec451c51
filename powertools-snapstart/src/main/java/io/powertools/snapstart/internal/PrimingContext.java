package io.powertools.snapstart.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;

/**
 * The Lambda context of a priming invocation: the function's identity from the environment, a
 * request id that says it is priming, no trace id, and a logger that writes nothing (priming must
 * not add lines to the function's logs).
 */
public final class PrimingContext implements Context {

    /** Prefix of every priming request id. */
    public static final String REQUEST_ID_PREFIX = "snapstart-priming-";
    private static final int BUDGET_MILLIS = 30_000;
    private static final LambdaLogger SILENT = new LambdaLogger() {
        @Override
        public void log(String message) {
            // priming output is discarded on purpose
        }

        @Override
        public void log(byte[] message) {
            // priming output is discarded on purpose
        }
    };

    private final String requestId;
    private final String functionName;
    private final String functionVersion;
    private final String logGroupName;
    private final String logStreamName;
    private final String region;
    private final int memoryLimitInMB;
    private final long deadlineMillis;

    /**
     * Creates the context of one priming run.
     *
     * @param environment the environment the function runs in
     * @param primingName the name of the priming
     * @param run the run number, from 1
     */
    public PrimingContext(ExecutionEnvironment environment, String primingName, int run) {
        this(environment, REQUEST_ID_PREFIX + primingName + "-" + run);
    }

    /**
     * Creates a context with the given request id (the class-list generator's sample invocations).
     *
     * @param environment the environment the function runs in
     * @param requestId the request id
     */
    public PrimingContext(ExecutionEnvironment environment, String requestId) {
        Environment variables = environment.environment();
        this.requestId = requestId;
        this.functionName = environment.functionName().orElse("snapstart-priming");
        this.functionVersion = variables.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        this.logGroupName = variables.get("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        this.logStreamName = variables.get("AWS_LAMBDA_LOG_STREAM_NAME", "snapstart-priming");
        this.region = variables.get("AWS_REGION", "us-east-1");
        this.memoryLimitInMB = memoryOf(variables);
        this.deadlineMillis = System.currentTimeMillis() + BUDGET_MILLIS;
    }

    private static int memoryOf(Environment variables) {
        try {
            return Integer.parseInt(variables.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512").trim());
        } catch (NumberFormatException e) {
            return 512; // the runtime validates this variable; priming does not need to
        }
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":000000000000:function:" + functionName;
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
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return SILENT;
    }

    @Override
    public String getXrayTraceId() {
        return null;
    }

    @Override
    public String getTenantId() {
        return null;
    }

    @Override
    public String toString() {
        return "PrimingContext[" + requestId + "]";
    }
}
