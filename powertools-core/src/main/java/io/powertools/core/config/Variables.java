package io.powertools.core.config;

/**
 * Names of the environment variables the core reads. The names are the ones Lambda sets and the
 * ones Powertools users already configure, so a function that switches keeps its settings.
 */
public final class Variables {

    /** The service name used by logs and metrics ({@code service} key, {@code Service} dimension). */
    public static final String POWERTOOLS_SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
    /** Name of the function, set by Lambda. */
    public static final String AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    /** Version of the function, set by Lambda. */
    public static final String AWS_LAMBDA_FUNCTION_VERSION = "AWS_LAMBDA_FUNCTION_VERSION";
    /** Memory of the function in MB, set by Lambda. */
    public static final String AWS_LAMBDA_FUNCTION_MEMORY_SIZE = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
    /** How the execution environment was initialised: on-demand, provisioned-concurrency, snap-start. */
    public static final String AWS_LAMBDA_INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    /** Handler threads per JVM on Lambda Managed Instances; unset means one invocation at a time. */
    public static final String AWS_LAMBDA_MAX_CONCURRENCY = "AWS_LAMBDA_MAX_CONCURRENCY";
    /** The region the function runs in, set by Lambda. */
    public static final String AWS_REGION = "AWS_REGION";
    /** The process-wide X-Ray trace header; only trustworthy when one invocation runs at a time. */
    public static final String X_AMZN_TRACE_ID = "_X_AMZN_TRACE_ID";
    /** The service name used when {@link #POWERTOOLS_SERVICE_NAME} is unset. */
    public static final String DEFAULT_SERVICE_NAME = "service_undefined";

    private Variables() {
    }
}
