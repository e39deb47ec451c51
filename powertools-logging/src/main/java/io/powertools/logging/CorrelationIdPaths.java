package io.powertools.logging;

/**
 * JMESPath expressions that find the correlation id in common event types, for
 * {@link LoggingOptions.Builder#correlationIdPath(String)} and {@link Logging#correlationIdPath()}.
 * Any other JMESPath expression works too.
 */
public final class CorrelationIdPaths {

    /** API Gateway REST API (v1 payload): the API Gateway request id. */
    public static final String API_GATEWAY_REST = "requestContext.requestId";
    /** API Gateway HTTP API (v2 payload): the API Gateway request id. */
    public static final String API_GATEWAY_HTTP = "requestContext.requestId";
    /** Lambda Function URL: the request id. */
    public static final String LAMBDA_FUNCTION_URL = "requestContext.requestId";
    /** Application Load Balancer: the X-Ray trace header the load balancer adds. */
    public static final String APPLICATION_LOAD_BALANCER = "headers.\"x-amzn-trace-id\"";
    /** EventBridge: the event id. */
    public static final String EVENT_BRIDGE = "id";
    /** AppSync resolver: the X-Ray trace header of the GraphQL request. */
    public static final String APPSYNC_RESOLVER = "request.headers.\"x-amzn-trace-id\"";
    /** AppSync Lambda authorizer: the AppSync request id. */
    public static final String APPSYNC_AUTHORIZER = "requestContext.requestId";
    /** S3 Object Lambda: the S3 request id. */
    public static final String S3_OBJECT_LAMBDA = "xAmzRequestId";
    /** VPC Lattice: the X-Ray trace header. */
    public static final String VPC_LATTICE = "headers.\"x-amzn-trace-id\"";

    private CorrelationIdPaths() {
    }
}
