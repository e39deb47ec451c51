package io.powertools.idempotency;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.json.JsonPath;
import io.powertools.idempotency.persistence.PersistenceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable configuration of the idempotency utility, built once at init. Every setting is
 * validated in {@link Builder#build()}, so a typo fails when the function starts:
 *
 * <pre>{@code
 * IdempotencyConfig config = IdempotencyConfig.builder()
 *         .persistenceStore(DynamoDbPersistenceStore.builder().tableName("idempotency").build())
 *         .eventKeyJmesPath("powertools_json(body).orderId")
 *         .payloadValidationJmesPath("powertools_json(body).amount")
 *         .expiration(Duration.ofHours(1))
 *         .build();
 * }</pre>
 */
public final class IdempotencyConfig {

    /** Set to {@code true} to turn the utility off (the protected code always runs). */
    public static final String DISABLED_VARIABLE = "POWERTOOLS_IDEMPOTENCY_DISABLED";

    private final PersistenceStore store;
    private final JsonPath eventKeyPath;
    private final JsonPath validationPath;
    private final Duration expiration;
    private final int localCacheMaxEntries;
    private final HashAlgorithm hashAlgorithm;
    private final boolean throwOnNoIdempotencyKey;
    private final InProgressPolicy inProgressPolicy;
    private final Duration deadlineMargin;
    private final Duration defaultInProgressTimeout;
    private final String keyPrefix;
    private final String functionName;
    private final ResponseHook responseHook;
    private final ExecutionEnvironment executionEnvironment;
    private final Clock clock;
    private final boolean disabled;

    private IdempotencyConfig(Builder b) {
        if (b.store == null) {
            throw new IdempotencyConfigurationException("IdempotencyConfig needs a persistence store: call "
                    + "persistenceStore(DynamoDbPersistenceStore.builder().tableName(..).build())");
        }
        this.store = b.store;
        this.eventKeyPath = compile("eventKeyJmesPath", b.eventKeyJmesPath);
        this.validationPath = compile("payloadValidationJmesPath", b.payloadValidationJmesPath);
        this.expiration = positive("expiration", b.expiration);
        if (expiration.toSeconds() < 1) {
            throw new IdempotencyConfigurationException("expiration must be at least 1 second, got " + expiration);
        }
        if (b.localCacheMaxEntries < 0) {
            throw new IdempotencyConfigurationException("localCache max entries must be 0 (off) or positive, got "
                    + b.localCacheMaxEntries);
        }
        this.localCacheMaxEntries = b.localCacheMaxEntries;
        this.hashAlgorithm = Objects.requireNonNull(b.hashAlgorithm, "hashAlgorithm");
        this.throwOnNoIdempotencyKey = b.throwOnNoIdempotencyKey;
        this.inProgressPolicy = Objects.requireNonNull(b.inProgressPolicy, "inProgressPolicy");
        if (b.deadlineMargin == null || b.deadlineMargin.isNegative()) {
            throw new IdempotencyConfigurationException("deadlineMargin must be zero or positive, got "
                    + b.deadlineMargin);
        }
        this.deadlineMargin = b.deadlineMargin;
        this.defaultInProgressTimeout = positive("defaultInProgressTimeout", b.defaultInProgressTimeout);
        this.keyPrefix = b.keyPrefix == null ? null : checkKeyPart("keyPrefix", b.keyPrefix);
        this.executionEnvironment = b.executionEnvironment != null ? b.executionEnvironment : ExecutionEnvironment.get();
        this.functionName = b.functionName != null ? checkKeyPart("functionName", b.functionName)
                : executionEnvironment.functionName().orElse(null);
        this.responseHook = b.responseHook;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.disabled = executionEnvironment.environment().getBoolean(DISABLED_VARIABLE, false);
    }

    /**
     * A builder with the defaults: expiration 1 hour, SHA-256, no local cache, fail fast on
     * in-progress duplicates, 1 second deadline margin, warn (not fail) when no key is found.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static JsonPath compile(String what, String expression) {
        if (expression == null) {
            return null;
        }
        try {
            return JsonPath.compile(expression);
        } catch (IllegalArgumentException e) {
            throw new IdempotencyConfigurationException(what + ": " + e.getMessage(), e);
        }
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IdempotencyConfigurationException(what + " must be positive, got " + d);
        }
        return d;
    }

    static String checkKeyPart(String what, String value) {
        if (value.isBlank() || value.indexOf('#') >= 0) {
            throw new IdempotencyConfigurationException(what + " '" + value + "' must be non-blank and must not "
                    + "contain '#' (it separates the parts of the idempotency key)");
        }
        return value;
    }

    /**
     * The persistence store.
     *
     * @return the store
     */
    public PersistenceStore persistenceStore() {
        return store;
    }

    /**
     * The compiled event-key expression.
     *
     * @return the expression, or empty to hash the whole payload
     */
    public Optional<JsonPath> eventKeyJmesPath() {
        return Optional.ofNullable(eventKeyPath);
    }

    /**
     * The compiled payload validation expression.
     *
     * @return the expression, or empty when validation is off
     */
    public Optional<JsonPath> payloadValidationJmesPath() {
        return Optional.ofNullable(validationPath);
    }

    /**
     * How long a completed record counts.
     *
     * @return the expiration
     */
    public Duration expiration() {
        return expiration;
    }

    /**
     * The local cache size.
     *
     * @return the maximum number of cached completed records; 0 when off
     */
    public int localCacheMaxEntries() {
        return localCacheMaxEntries;
    }

    /**
     * The hash algorithm of keys and validation hashes.
     *
     * @return the algorithm
     */
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /**
     * Whether a missing key raises {@link IdempotencyKeyException} (else a warning, and the code
     * runs without idempotency).
     *
     * @return true to raise
     */
    public boolean throwOnNoIdempotencyKey() {
        return throwOnNoIdempotencyKey;
    }

    /**
     * What duplicates do while the first invocation runs.
     *
     * @return the policy
     */
    public InProgressPolicy inProgressPolicy() {
        return inProgressPolicy;
    }

    /**
     * How long before the Lambda deadline a still-running invocation releases its record.
     *
     * @return the margin
     */
    public Duration deadlineMargin() {
        return deadlineMargin;
    }

    /**
     * The in-progress expiry used outside a Lambda invocation (no deadline known).
     *
     * @return the timeout
     */
    public Duration defaultInProgressTimeout() {
        return defaultInProgressTimeout;
    }

    /**
     * The prefix replacing the function name in keys.
     *
     * @return the prefix, or empty
     */
    public Optional<String> keyPrefix() {
        return Optional.ofNullable(keyPrefix);
    }

    /**
     * The function name used in keys, when known at init.
     *
     * @return the name, or empty (then the invocation's Context function name is used)
     */
    public Optional<String> functionName() {
        return Optional.ofNullable(functionName);
    }

    /**
     * The hook applied to replayed responses.
     *
     * @return the hook, or empty
     */
    public Optional<ResponseHook> responseHook() {
        return Optional.ofNullable(responseHook);
    }

    /**
     * The execution environment whose variables were read and in which handlers open invocations.
     *
     * @return the environment
     */
    public ExecutionEnvironment executionEnvironment() {
        return executionEnvironment;
    }

    /**
     * The clock for expirations.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Whether {@value #DISABLED_VARIABLE} turned the utility off.
     *
     * @return true when disabled
     */
    public boolean isDisabled() {
        return disabled;
    }

    /** Builder of {@link IdempotencyConfig}; not thread-safe, use it at init. */
    public static final class Builder {
        private PersistenceStore store;
        private String eventKeyJmesPath;
        private String payloadValidationJmesPath;
        private Duration expiration = Duration.ofHours(1);
        private int localCacheMaxEntries;
        private HashAlgorithm hashAlgorithm = HashAlgorithm.SHA_256;
        private boolean throwOnNoIdempotencyKey;
        private InProgressPolicy inProgressPolicy = InProgressPolicy.failFast();
        private Duration deadlineMargin = Duration.ofSeconds(1);
        private Duration defaultInProgressTimeout = Duration.ofMinutes(15);
        private String keyPrefix;
        private String functionName;
        private ResponseHook responseHook;
        private ExecutionEnvironment executionEnvironment;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Where records are kept (required).
         *
         * @param store the store, e.g. a {@link io.powertools.idempotency.persistence.DynamoDbPersistenceStore}
         * @return this builder
         */
        public Builder persistenceStore(PersistenceStore store) {
            this.store = store;
            return this;
        }

        /**
         * The JMESPath selecting the key data from the payload (e.g.
         * {@code powertools_json(body).orderId}); the whole payload when unset.
         *
         * @param expression the expression
         * @return this builder
         */
        public Builder eventKeyJmesPath(String expression) {
            this.eventKeyJmesPath = expression;
            return this;
        }

        /**
         * The JMESPath selecting payload data that must match the stored record's (a reused key
         * with different data raises {@link IdempotencyValidationException}); off when unset.
         *
         * @param expression the expression
         * @return this builder
         */
        public Builder payloadValidationJmesPath(String expression) {
            this.payloadValidationJmesPath = expression;
            return this;
        }

        /**
         * How long a completed record counts (default 1 hour, at least 1 second).
         *
         * @param expiration the duration
         * @return this builder
         */
        public Builder expiration(Duration expiration) {
            this.expiration = expiration;
            return this;
        }

        /**
         * Keep up to this many completed records in memory so duplicates served by the same
         * execution environment cost no store request (default 0: off).
         *
         * @param maxEntries the cache size
         * @return this builder
         */
        public Builder localCache(int maxEntries) {
            this.localCacheMaxEntries = maxEntries;
            return this;
        }

        /**
         * The hash algorithm (default SHA-256; MD5 for tables written by Powertools Java).
         *
         * @param algorithm the algorithm
         * @return this builder
         */
        public Builder hashAlgorithm(HashAlgorithm algorithm) {
            this.hashAlgorithm = algorithm;
            return this;
        }

        /**
         * Raise {@link IdempotencyKeyException} when the key expression finds nothing (default
         * false: log a warning and run without idempotency).
         *
         * @param raise true to raise
         * @return this builder
         */
        public Builder throwOnNoIdempotencyKey(boolean raise) {
            this.throwOnNoIdempotencyKey = raise;
            return this;
        }

        /**
         * What duplicates do while the first runs (default {@link InProgressPolicy#failFast()}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder inProgressPolicy(InProgressPolicy policy) {
            this.inProgressPolicy = policy;
            return this;
        }

        /**
         * How long before the Lambda deadline the record of a still-running invocation is
         * released (becomes claimable), so a retry after a timeout is not blocked (default 1 s).
         *
         * @param margin the margin; zero or positive
         * @return this builder
         */
        public Builder deadlineMargin(Duration margin) {
            this.deadlineMargin = margin;
            return this;
        }

        /**
         * The in-progress expiry when no Lambda deadline is known, e.g. calls outside a handler
         * (default 15 minutes, Lambda's longest timeout).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder defaultInProgressTimeout(Duration timeout) {
            this.defaultInProgressTimeout = timeout;
            return this;
        }

        /**
         * Replaces the function name in keys ({@code <prefix>.<name>#<hash>}), e.g. to keep
         * records valid across function renames or to share them between functions.
         *
         * @param prefix the prefix; no {@code #}
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = prefix;
            return this;
        }

        /**
         * The function name in keys (default {@code AWS_LAMBDA_FUNCTION_NAME}, else the
         * invocation's Context function name).
         *
         * @param name the name; no {@code #}
         * @return this builder
         */
        public Builder functionName(String name) {
            this.functionName = name;
            return this;
        }

        /**
         * A hook applied to replayed responses.
         *
         * @param hook the hook
         * @return this builder
         */
        public Builder responseHook(ResponseHook hook) {
            this.responseHook = hook;
            return this;
        }

        /**
         * The execution environment to read variables from and open invocations in (default the
         * process one); tests pass their own.
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder executionEnvironment(ExecutionEnvironment environment) {
            this.executionEnvironment = environment;
            return this;
        }

        /**
         * The clock for expirations (default UTC system clock); tests move it forward instead of sleeping.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Validates and builds the configuration.
         *
         * @return the configuration
         * @throws IdempotencyConfigurationException naming the invalid setting
         * @throws io.powertools.core.config.ConfigurationException when
         *     {@value IdempotencyConfig#DISABLED_VARIABLE} is neither true nor false
         */
        public IdempotencyConfig build() {
            return new IdempotencyConfig(this);
        }
    }
}
