package io.powertools.testing;

import io.powertools.testing.internal.TraceIds;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event to send to the function through a {@link LocalLambdaRuntime}, with the per-request
 * metadata Lambda passes in the {@code /next} response headers. Immutable.
 *
 * <p>{@code InvocationRequest.of("{\"k\":1}")} is enough for most tests; the builder sets the
 * request id, trace header, tenant id and timeout explicitly.
 */
public final class InvocationRequest {

    private final String payload;
    private final String requestId;
    private final String traceId;
    private final String tenantId;
    private final Duration timeout;

    private InvocationRequest(Builder builder) {
        this.payload = builder.payload;
        this.requestId = builder.requestId != null ? builder.requestId : UUID.randomUUID().toString();
        this.traceId = builder.traceId != null ? builder.traceId : TraceIds.newTraceHeader();
        this.tenantId = builder.tenantId;
        this.timeout = builder.timeout;
    }

    /**
     * Creates a request with the given payload, a fresh request id and a fresh trace header.
     *
     * @param payload the event JSON (or any text the handler accepts), not null
     * @return a new request
     */
    public static InvocationRequest of(String payload) {
        return builder().payload(payload).build();
    }

    /**
     * Starts a builder. Defaults: payload {@code {}}, a random UUID request id, a fresh sampled
     * X-Ray trace header, no tenant id, the runtime's invocation timeout.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the event payload sent to the function.
     *
     * @return the payload
     */
    public String payload() {
        return payload;
    }

    /**
     * Returns the request id sent as {@code Lambda-Runtime-Aws-Request-Id}.
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns the X-Ray trace header sent as {@code Lambda-Runtime-Trace-Id}.
     *
     * @return the trace header
     */
    public String traceId() {
        return traceId;
    }

    /**
     * Returns the tenant id sent as {@code lambda-runtime-aws-tenant-id}, if any.
     *
     * @return the tenant id, or empty when none is sent
     */
    public Optional<String> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /**
     * Returns this request's timeout, if it overrides the runtime's invocation timeout.
     *
     * @return the timeout, or empty to use the runtime's
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return "InvocationRequest[requestId=" + requestId + ", traceId=" + traceId + ", tenantId=" + tenantId
                + ", payload=" + abbreviate(payload) + "]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Builds an {@link InvocationRequest}. Not thread-safe; the requests it builds are immutable. */
    public static final class Builder {

        private String payload = "{}";
        private String requestId;
        private String traceId;
        private String tenantId;
        private Duration timeout;

        private Builder() {
        }

        /**
         * Sets the event payload; default {@code {}}.
         *
         * @param payload the payload, not null
         * @return this builder
         */
        public Builder payload(String payload) {
            this.payload = Objects.requireNonNull(payload, "payload");
            return this;
        }

        /**
         * Sets the request id; default a random UUID. Ids must be unique among the invocations
         * queued or running on one runtime, since responses are matched by id.
         *
         * @param requestId the request id, not blank
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requireNonBlank(requestId, "requestId");
            return this;
        }

        /**
         * Sets the X-Ray trace header; default a fresh {@code Root=1-...;Parent=...;Sampled=1} header.
         *
         * @param traceId the trace header, not blank
         * @return this builder
         */
        public Builder traceId(String traceId) {
            this.traceId = requireNonBlank(traceId, "traceId");
            return this;
        }

        /**
         * Sets the tenant id; default none (the header is not sent).
         *
         * @param tenantId the tenant id, or {@code null} for none
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Sets how long this invocation may take, counted from when it is queued; default the
         * runtime's {@link LocalLambdaRuntime.Builder#invocationTimeout(Duration)}. The deadline
         * sent to the function ({@code Lambda-Runtime-Deadline-Ms}) is the queueing time plus this.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return a new immutable request
         */
        public InvocationRequest build() {
            return new InvocationRequest(this);
        }

        private static String requireNonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
