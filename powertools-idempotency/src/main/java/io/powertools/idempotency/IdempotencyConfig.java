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
    private final Duration inProgressTimeout;
    private final CompletionFailureHook completionFailureHook;
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
        this.inProgressTimeout = positive("inProgressTimeout", b.inProgressTimeout);
        if (inProgressTimeout.toMillis() < 1) {
            throw new IdempotencyConfigurationException("inProgressTimeout must be at least 1 millisecond, got "
                    + inProgressTimeout);
        }
        if (expiration.compareTo(inProgressTimeout) < 0) {
            // A completed record must outlive the window in which its body may still be running, or
            // a duplicate arriving late in a long call would find no record after completion.
            throw new IdempotencyConfigurationException("expiration " + expiration + " is shorter than "
                    + "inProgressTimeout " + inProgressTimeout + " (the longest a protected call may run); "
                    + "raise expiration(..) to at least " + inProgressTimeout + ", or lower inProgressTimeout(..) "
                    + "to your function's timeout");
        }
        this.completionFailureHook = b.completionFailureHook;
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
     * in-progress duplicates, in-progress timeout 15 minutes outside Lambda, warn (not fail) when no key is found.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's settings, to derive a variant (for example the
     * per-method options of {@link Idempotent}); building it validates again.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.store = store;
        b.eventKeyJmesPath = eventKeyPath == null ? null : eventKeyPath.expression();
        b.payloadValidationJmesPath = validationPath == null ? null : validationPath.expression();
        b.expiration = expiration;
        b.localCacheMaxEntries = localCacheMaxEntries;
        b.hashAlgorithm = hashAlgorithm;
        b.throwOnNoIdempotencyKey = throwOnNoIdempotencyKey;
        b.inProgressPolicy = inProgressPolicy;
        b.inProgressTimeout = inProgressTimeout;
        b.completionFailureHook = completionFailureHook;
        b.keyPrefix = keyPrefix;
        b.functionName = functionName;
        b.responseHook = responseHook;
        b.executionEnvironment = executionEnvironment;
        b.clock = clock;
        return b;
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
     * How long a protected call without a Lambda deadline (outside an invocation) keeps its
     * in-progress record before another call may take it over. Inside an invocation the record is
     * held until the invocation's deadline instead.
     *
     * @return the timeout
     */
    public Duration inProgressTimeout() {
        return inProgressTimeout;
    }

    /**
     * The hook told when a protected call ran but its record could not be marked completed.
     *
     * @return the hook, or empty
     */
    public Optional<CompletionFailureHook> completionFailureHook() {
        return Optional.ofNullable(completionFailureHook);
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
        private Duration inProgressTimeout = Duration.ofMinutes(15);
        private CompletionFailureHook completionFailureHook;
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
         * How long a call without a Lambda deadline (outside an invocation, e.g. a container or a
         * test) holds its in-progress record; another call may take the key over only after it
         * (default 15 minutes, Lambda's longest timeout). Set it to at least the longest time
         * such a call runs. Inside an invocation the record is held until the invocation's
         * deadline ({@code Context.getRemainingTimeInMillis()}), whatever this says.
         *
         * @param timeout the timeout; positive and not longer than {@link #expiration(Duration)}
         * @return this builder
         */
        public Builder inProgressTimeout(Duration timeout) {
            this.inProgressTimeout = timeout;
            return this;
        }

        /**
         * A hook told when a protected call ran but its record could not be marked completed
         * after bounded retries (the store was down or throttled). The caller still gets its
         * result; the hook is where to count or alarm on it (an ERROR line is logged as well).
         * Exceptions it throws are logged, never passed to the caller.
         *
         * @param hook the hook
         * @return this builder
         */
        public Builder completionFailureHook(CompletionFailureHook hook) {
            this.completionFailureHook = hook;
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
