package io.powertools.tracing.sdk;

import io.powertools.tracing.internal.Names;
import io.powertools.tracing.internal.Span;
import io.powertools.tracing.internal.TraceState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Traces every call an AWS SDK v2 client makes as an {@code aws} subsegment of the current
 * invocation, named after the service ({@code DynamoDB}), with the operation, region, request id,
 * retries, table name or queue URL, the HTTP status and, on failure, {@code error} /
 * {@code throttle} / {@code fault} and the exception; the request carries the trace header
 * ({@code X-Amzn-Trace-Id}) so the service's own segments join the trace.
 *
 * <pre>{@code
 * DynamoDbClient dynamo = DynamoDbClient.builder()
 *     .overrideConfiguration(c -> c.addExecutionInterceptor(new TracingInterceptor()))
 *     .build();
 * }</pre>
 *
 * <p>One interceptor serves every invocation: what it keeps per call lives in the call's execution
 * attributes, and the subsegment in the invocation that made the call. Calls made outside an
 * invocation, in an unsampled one or with tracing off pass through untouched. The interceptor
 * never fails a call: a problem of its own is reported on standard error.
 */
public final class TracingInterceptor implements ExecutionInterceptor {

    /** The header that carries the trace to AWS services. */
    public static final String TRACE_HEADER = "X-Amzn-Trace-Id";
    /** The namespace of AWS calls in segment documents. */
    public static final String NAMESPACE = "aws";

    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("io.powertools.tracing.call");
    private static final String[] REQUEST_ID_HEADERS = {"x-amzn-RequestId", "x-amz-request-id", "x-amz-id-2"};
    /** Request fields X-Ray shows for a resource, by the name the SDK models give them. */
    private static final Map<String, String> RESOURCE_FIELDS = Map.of(
            "TableName", "table_name", "QueueUrl", "queue_url", "Bucket", "bucket_name",
            "FunctionName", "function_name", "TopicArn", "topic_arn", "StreamName", "stream_name");

    /**
     * X-Ray's names for services whose SDK v2 client name differs ({@code DynamoDb}), so the calls
     * land on the same service-map node as X-Ray's other instrumentation puts them.
     */
    private static final Map<String, String> XRAY_SERVICE_NAMES = Map.of(
            "DynamoDb", "DynamoDB", "Sqs", "SQS", "Sns", "SNS", "Sfn", "SFN", "Ssm", "SSM", "Sts", "STS",
            "SecretsManager", "Secrets Manager", "EventBridge", "EventBridge");

    /** What one call keeps between the interceptor's hooks; hooks of one call never overlap. */
    private static final class Call {
        final TraceState state;
        final Span span;
        int attempts;

        Call(TraceState state, Span span) {
            this.state = state;
            this.span = span;
        }
    }

    /** Creates the interceptor; one instance can serve every client. */
    public TracingInterceptor() {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        TraceState state = TraceState.current();
        if (!state.isRecording()) {
            return;
        }
        try {
            Span span = state.beginCall(subsegmentName(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)),
                    NAMESPACE);
            attributes.putAttribute(CALL, new Call(state, span));
        } catch (RuntimeException e) {
            state.reportProblem("an AWS call could not be traced: " + e);
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().putHeader(TRACE_HEADER, call.state.downstreamHeader(call.span)).build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            call.attempts++;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finish(attributes, context.request(), Optional.of(context.httpResponse()), null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finish(attributes, context.request(), context.httpResponse(), context.exception());
    }

    private static void finish(ExecutionAttributes attributes, SdkRequest request, Optional<SdkHttpResponse> response,
            Throwable failure) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        attributes.putAttribute(CALL, null);
        try {
            Map<String, Object> aws = new LinkedHashMap<>();
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            if (operation != null) {
                aws.put("operation", operation);
            }
            Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
            if (region != null) {
                aws.put("region", region.id());
            }
            response.flatMap(TracingInterceptor::requestId).ifPresent(id -> aws.put("request_id", id));
            aws.put("retries", Math.max(0, call.attempts - 1));
            RESOURCE_FIELDS.forEach((field, key) ->
                    request.getValueForField(field, String.class).ifPresent(value -> aws.put(key, value)));
            int status = response.map(SdkHttpResponse::statusCode).orElse(0);
            if (status == 0 && failure instanceof SdkServiceException service) {
                status = service.statusCode();
            }
            boolean throttled = failure instanceof SdkServiceException service && service.isThrottlingException();
            call.state.describeCall(call.span, aws, status, throttled, failure);
        } catch (RuntimeException e) {
            call.state.reportProblem("an AWS call's subsegment could not be described: " + e);
        } finally {
            call.state.end(call.span);
        }
    }

    private static Optional<String> requestId(SdkHttpResponse response) {
        for (String header : REQUEST_ID_HEADERS) {
            Optional<String> value = response.firstMatchingHeader(header);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static String subsegmentName(String service) {
        if (service == null) {
            return "AWS";
        }
        try {
            return Names.subsegmentName(XRAY_SERVICE_NAMES.getOrDefault(service, service));
        } catch (IllegalArgumentException e) {
            return "AWS";
        }
    }
}
