package io.powertools.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.powertools.testing.internal.SystemOutLambdaLogger;
import io.powertools.testing.internal.TraceIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable Lambda {@link Context} for unit tests that call a handler directly.
 *
 * <p>{@code FakeContext.create()} gives a context with sensible defaults (a random request id, a
 * fresh X-Ray trace header, function {@code test-function}, 512 MB, 30 s remaining). Use
 * {@link #builder()} to set any field, and {@link #toBuilder()} to derive a variant, for example
 * one per simulated request:
 *
 * <pre>{@code
 * Context context = FakeContext.builder()
 *     .functionName("orders")
 *     .tenantId("tenant-1")
 *     .deadline(Instant.now().plusSeconds(3))
 *     .build();
 * }</pre>
 *
 * <p>The remaining time is either fixed ({@link Builder#remainingTimeInMillis(int)}) or computed on
 * each call from a deadline and a clock ({@link Builder#deadline(Instant)}, {@link Builder#clock(Clock)}),
 * so code that watches the remaining time sees it shrink.
 */
public final class FakeContext implements Context {

    /** Default remaining time of a context built without a deadline or fixed remaining time. */
    public static final Duration DEFAULT_REMAINING_TIME = Duration.ofSeconds(30);

    private final String awsRequestId;
    private final String logGroupName;
    private final String logStreamName;
    private final String functionName;
    private final String functionVersion;
    private final String invokedFunctionArn;
    private final CognitoIdentity identity;
    private final ClientContext clientContext;
    private final Integer fixedRemainingTimeInMillis;
    private final Instant deadline;
    private final Clock clock;
    private final int memoryLimitInMB;
    private final LambdaLogger logger;
    private final String xrayTraceId;
    private final String tenantId;

    private FakeContext(Builder builder) {
        this.awsRequestId = builder.awsRequestId != null ? builder.awsRequestId : UUID.randomUUID().toString();
        this.logGroupName = builder.logGroupName != null
                ? builder.logGroupName : "/aws/lambda/" + builder.functionName;
        this.logStreamName = builder.logStreamName;
        this.functionName = builder.functionName;
        this.functionVersion = builder.functionVersion;
        this.invokedFunctionArn = builder.invokedFunctionArn != null
                ? builder.invokedFunctionArn
                : "arn:aws:lambda:us-east-1:123456789012:function:" + builder.functionName;
        this.identity = builder.identity;
        this.clientContext = builder.clientContext;
        this.fixedRemainingTimeInMillis = builder.remainingTimeInMillis;
        this.clock = builder.clock;
        // Without a deadline or a fixed time, start the default budget now so the time still shrinks.
        this.deadline = builder.deadline != null || builder.remainingTimeInMillis != null
                ? builder.deadline
                : clock.instant().plus(DEFAULT_REMAINING_TIME);
        this.memoryLimitInMB = builder.memoryLimitInMB;
        this.logger = builder.logger;
        this.xrayTraceId = builder.xrayTraceId != null ? builder.xrayTraceId : TraceIds.newTraceHeader();
        this.tenantId = builder.tenantId;
    }

    /**
     * Creates a context with default values for every field.
     *
     * @return a new context with a random request id and trace id
     */
    public static FakeContext create() {
        return builder().build();
    }

    /**
     * Starts a builder with default values for every field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this context's values, to derive a variant of it. The request id and
     * trace id are kept; set new ones to simulate another request.
     *
     * @return a new builder initialised from this context
     */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .awsRequestId(awsRequestId)
                .logGroupName(logGroupName)
                .logStreamName(logStreamName)
                .functionName(functionName)
                .functionVersion(functionVersion)
                .invokedFunctionArn(invokedFunctionArn)
                .identity(identity)
                .clientContext(clientContext)
                .clock(clock)
                .memoryLimitInMB(memoryLimitInMB)
                .logger(logger)
                .xrayTraceId(xrayTraceId)
                .tenantId(tenantId);
        if (fixedRemainingTimeInMillis != null) {
            builder.remainingTimeInMillis(fixedRemainingTimeInMillis);
        } else {
            builder.deadline(deadline);
        }
        return builder;
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
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
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return identity;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    /**
     * Returns the fixed remaining time if one was set, otherwise the time left until the deadline
     * according to the clock (never negative, capped at {@link Integer#MAX_VALUE}).
     */
    @Override
    public int getRemainingTimeInMillis() {
        if (fixedRemainingTimeInMillis != null) {
            return fixedRemainingTimeInMillis;
        }
        long millis = Duration.between(clock.instant(), deadline).toMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
    }

    /**
     * Returns the deadline the remaining time counts down to, or {@code null} when the remaining
     * time is fixed.
     *
     * @return the deadline, or {@code null}
     */
    public Instant getDeadline() {
        return deadline;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String getXrayTraceId() {
        return xrayTraceId;
    }

    @Override
    public String getTenantId() {
        return tenantId;
    }

    @Override
    public String toString() {
        return "FakeContext[awsRequestId=" + awsRequestId + ", functionName=" + functionName
                + ", functionVersion=" + functionVersion + ", xrayTraceId=" + xrayTraceId
                + ", tenantId=" + tenantId + "]";
    }

    /**
     * Builds a {@link FakeContext}. Every field has a default; setters return the builder. A builder
     * is not thread-safe, the contexts it builds are immutable.
     */
    public static final class Builder {

        private String awsRequestId;
        private String logGroupName;
        private String logStreamName = "2026/01/01/[$LATEST]00000000000000000000000000000000";
        private String functionName = "test-function";
        private String functionVersion = "$LATEST";
        private String invokedFunctionArn;
        private CognitoIdentity identity;
        private ClientContext clientContext;
        private Integer remainingTimeInMillis;
        private Instant deadline;
        private Clock clock = Clock.systemUTC();
        private int memoryLimitInMB = 512;
        private LambdaLogger logger = SystemOutLambdaLogger.INSTANCE;
        private String xrayTraceId;
        private String tenantId;

        private Builder() {
        }

        /**
         * Sets the request id; default a random UUID per built context.
         *
         * @param awsRequestId the request id
         * @return this builder
         */
        public Builder awsRequestId(String awsRequestId) {
            this.awsRequestId = awsRequestId;
            return this;
        }

        /**
         * Sets the log group name; default {@code /aws/lambda/<function name>}.
         *
         * @param logGroupName the log group name
         * @return this builder
         */
        public Builder logGroupName(String logGroupName) {
            this.logGroupName = logGroupName;
            return this;
        }

        /**
         * Sets the log stream name.
         *
         * @param logStreamName the log stream name
         * @return this builder
         */
        public Builder logStreamName(String logStreamName) {
            this.logStreamName = logStreamName;
            return this;
        }

        /**
         * Sets the function name; default {@code test-function}.
         *
         * @param functionName the function name, not null
         * @return this builder
         */
        public Builder functionName(String functionName) {
            this.functionName = Objects.requireNonNull(functionName, "functionName");
            return this;
        }

        /**
         * Sets the function version; default {@code $LATEST}.
         *
         * @param functionVersion the function version
         * @return this builder
         */
        public Builder functionVersion(String functionVersion) {
            this.functionVersion = functionVersion;
            return this;
        }

        /**
         * Sets the invoked function ARN; default an ARN in us-east-1 built from the function name.
         *
         * @param invokedFunctionArn the ARN
         * @return this builder
         */
        public Builder invokedFunctionArn(String invokedFunctionArn) {
            this.invokedFunctionArn = invokedFunctionArn;
            return this;
        }

        /**
         * Sets the Cognito identity; default {@code null}, as for invocations without one.
         *
         * @param identity the identity, or {@code null}
         * @return this builder
         */
        public Builder identity(CognitoIdentity identity) {
            this.identity = identity;
            return this;
        }

        /**
         * Sets the client context; default {@code null}, as for invocations without one.
         *
         * @param clientContext the client context, or {@code null}
         * @return this builder
         */
        public Builder clientContext(ClientContext clientContext) {
            this.clientContext = clientContext;
            return this;
        }

        /**
         * Fixes the remaining time: every call of {@code getRemainingTimeInMillis()} returns it.
         * Replaces a deadline set earlier.
         *
         * @param remainingTimeInMillis the remaining time, at least 0
         * @return this builder
         */
        public Builder remainingTimeInMillis(int remainingTimeInMillis) {
            if (remainingTimeInMillis < 0) {
                throw new IllegalArgumentException("remainingTimeInMillis must be >= 0 but was "
                        + remainingTimeInMillis);
            }
            this.remainingTimeInMillis = remainingTimeInMillis;
            this.deadline = null;
            return this;
        }

        /**
         * Sets the deadline the remaining time counts down to, measured with the {@link #clock(Clock)}.
         * Replaces a fixed remaining time set earlier. Default: 30 s after the context is built.
         *
         * @param deadline the deadline, not null
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            this.remainingTimeInMillis = null;
            return this;
        }

        /**
         * Sets the clock used to compute the remaining time from the deadline; default the system
         * UTC clock. A fixed or mutable test clock makes the remaining time deterministic.
         *
         * @param clock the clock, not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the memory limit; default 512 MB.
         *
         * @param memoryLimitInMB the memory limit in MB, at least 1
         * @return this builder
         */
        public Builder memoryLimitInMB(int memoryLimitInMB) {
            if (memoryLimitInMB < 1) {
                throw new IllegalArgumentException("memoryLimitInMB must be >= 1 but was " + memoryLimitInMB);
            }
            this.memoryLimitInMB = memoryLimitInMB;
            return this;
        }

        /**
         * Sets the logger; default a logger that prints each message as a line on {@code System.out}.
         *
         * @param logger the logger, not null
         * @return this builder
         */
        public Builder logger(LambdaLogger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Sets the X-Ray trace header; default a fresh sampled header per built context.
         *
         * @param xrayTraceId the trace header, e.g. {@code Root=1-...;Parent=...;Sampled=1}
         * @return this builder
         */
        public Builder xrayTraceId(String xrayTraceId) {
            this.xrayTraceId = xrayTraceId;
            return this;
        }

        /**
         * Sets the tenant id; default {@code null}, as for functions without tenant isolation.
         *
         * @param tenantId the tenant id, or {@code null}
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Builds the context. Fields left unset get their defaults; a random request id and trace
         * id are drawn per call when none were set.
         *
         * @return a new immutable context
         */
        public FakeContext build() {
            return new FakeContext(this);
        }
    }
}
