package io.powertools.metrics.internal;

import io.powertools.core.Invocation;
import io.powertools.core.TraceHeaders;
import io.powertools.core.config.Environment;
import io.powertools.core.json.JsonBytes;
import java.util.Arrays;

/**
 * The members every blob carries after its metric values, saying which request and function wrote
 * it, named and formatted the way Powertools for AWS Lambda (Java) 2.x blobs carry them so that
 * existing Logs Insights queries keep working:
 * <ul>
 *   <li>{@code function_request_id}: the request id;</li>
 *   <li>{@code xray_trace_id}: the root id of the X-Ray trace ({@code 1-...});</li>
 *   <li>{@code traceId}: the whole trace header, only when the request is sampled (the EMF library
 *       under Powertools takes it from the process variable {@code _X_AMZN_TRACE_ID}, which the Java
 *       runtime does not set per request; this is the request's own header);</li>
 *   <li>{@code executionEnvironment}, {@code functionVersion}, {@code logStreamId}: from
 *       {@code AWS_EXECUTION_ENV}, {@code AWS_LAMBDA_FUNCTION_VERSION} and
 *       {@code AWS_LAMBDA_LOG_STREAM_NAME}, when set.</li>
 * </ul>
 * The function-wide members are encoded once, when the configuration is resolved; the request's
 * members once per flush. No user name may take any of these names ({@link Validation}).
 */
final class ContextMembers {

    static final String EXECUTION_ENVIRONMENT_KEY = "executionEnvironment";
    static final String FUNCTION_VERSION_KEY = "functionVersion";
    static final String LOG_STREAM_KEY = "logStreamId";
    static final String TRACE_HEADER_KEY = "traceId";

    static final String EXECUTION_ENVIRONMENT_VARIABLE = "AWS_EXECUTION_ENV";
    static final String FUNCTION_VERSION_VARIABLE = "AWS_LAMBDA_FUNCTION_VERSION";
    static final String LOG_STREAM_VARIABLE = "AWS_LAMBDA_LOG_STREAM_NAME";

    private static final byte[] NONE = new byte[0];

    private final byte[] functionMembers;

    private ContextMembers(byte[] functionMembers) {
        this.functionMembers = functionMembers;
    }

    /**
     * Encodes the function-wide members from the environment.
     *
     * @param environment the function's variables
     * @return the members
     */
    static ContextMembers of(Environment environment) {
        JsonBytes out = new JsonBytes(256);
        member(out, EXECUTION_ENVIRONMENT_KEY, environment.get(EXECUTION_ENVIRONMENT_VARIABLE).orElse(null));
        member(out, FUNCTION_VERSION_KEY, environment.get(FUNCTION_VERSION_VARIABLE).orElse(null));
        member(out, LOG_STREAM_KEY, environment.get(LOG_STREAM_VARIABLE).orElse(null));
        return new ContextMembers(out.size() == 0 ? NONE : Arrays.copyOf(out.array(), out.size()));
    }

    /**
     * The members of a blob written for this invocation (or outside one), each with its leading comma.
     *
     * @param invocation the invocation, or null outside one
     * @return the encoded members, never null
     */
    byte[] encode(Invocation invocation) {
        if (invocation == null) {
            return functionMembers;
        }
        String header = invocation.traceId().orElse(null);
        JsonBytes out = new JsonBytes(192 + functionMembers.length);
        member(out, Validation.REQUEST_ID_KEY, invocation.requestId());
        member(out, Validation.TRACE_ID_KEY, TraceHeaders.root(header));
        if (TraceHeaders.isSampled(header)) {
            member(out, TRACE_HEADER_KEY, header);
        }
        out.raw(functionMembers);
        return Arrays.copyOf(out.array(), out.size());
    }

    private static void member(JsonBytes out, String key, String value) {
        if (value != null) {
            out.raw(',').string(key).raw(':').string(value);
        }
    }
}
