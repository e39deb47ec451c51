package io.powertools.core.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.config.Environment;
import io.powertools.core.config.Variables;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Finds the X-Ray trace id of the invocation being opened, most trustworthy source first:
 * the Context, then the runtime client's per-thread value, and only when one invocation runs at a
 * time the process-wide system property and environment variable (with many concurrent
 * invocations those hold whichever request came last, so they are never read then).
 */
public final class TraceIdResolver {

    private static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final String RUNTIME_THREAD_LOCAL_KEY = "AWS_LAMBDA_X_TRACE_ID";
    /** The runtime client's per-thread store, looked up once; null when the class is absent. */
    private static final MethodHandle RUNTIME_THREAD_LOCAL_GET = findRuntimeThreadLocal();

    private final Environment environment;
    private final boolean multiConcurrent;

    /**
     * Creates the resolver.
     *
     * @param environment where the process-wide fallback variable is read
     * @param multiConcurrent whether invocations run concurrently in this JVM
     */
    public TraceIdResolver(Environment environment, boolean multiConcurrent) {
        this.environment = environment;
        this.multiConcurrent = multiConcurrent;
    }

    /**
     * Resolves the trace id for a new invocation on the calling thread.
     *
     * @param context the invocation's context
     * @return the trace header, or null when no source has one
     */
    public String resolve(Context context) {
        String fromContext = fromContext(context);
        if (fromContext != null) {
            return fromContext;
        }
        String fromRuntime = fromRuntimeThreadLocal();
        if (fromRuntime != null || multiConcurrent) {
            return fromRuntime;
        }
        String fromProperty = nonBlank(System.getProperty(TRACE_HEADER_PROPERTY));
        return fromProperty != null ? fromProperty : environment.get(Variables.X_AMZN_TRACE_ID).orElse(null);
    }

    private static String fromContext(Context context) {
        try {
            return nonBlank(context.getXrayTraceId());
        } catch (AbstractMethodError | UnsupportedOperationException e) {
            // A Context compiled against an older aws-lambda-java-core, or a mock that refuses.
            return null;
        }
    }

    private static String fromRuntimeThreadLocal() {
        if (RUNTIME_THREAD_LOCAL_GET == null) {
            return null;
        }
        try {
            return nonBlank((String) RUNTIME_THREAD_LOCAL_GET.invokeExact(RUNTIME_THREAD_LOCAL_KEY));
        } catch (Throwable e) {
            return null;
        }
    }

    private static MethodHandle findRuntimeThreadLocal() {
        try {
            Class<?> type = Class.forName("software.amazon.awssdk.utilslite.SdkInternalThreadLocal");
            return MethodHandles.publicLookup().findStatic(
                    type, "get", MethodType.methodType(String.class, String.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
