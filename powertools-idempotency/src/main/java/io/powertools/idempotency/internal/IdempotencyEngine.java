package io.powertools.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.Invocation;
import io.powertools.core.json.Json;
import io.powertools.idempotency.IdempotencyAlreadyInProgressException;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.IdempotencyKeyException;
import io.powertools.idempotency.IdempotencyPersistenceException;
import io.powertools.idempotency.IdempotencyValidationException;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.ResponseHook;
import io.powertools.idempotency.persistence.ClaimResult;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import io.powertools.idempotency.persistence.PersistenceStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotency state machine, shared by the functional API and the aspect. Stateless apart
 * from its immutable configuration and the optional local cache, so one instance serves every
 * concurrent invocation.
 *
 * <p>Per call: key; local cache; one conditional put claiming the key; on success run the code
 * and complete the record with one update (or delete it and rethrow when the code throws); on
 * conflict validate the returned record and replay it, fail fast, or wait for it.
 */
public final class IdempotencyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyEngine.class);
    /** Claims retried at once when the blocking record vanished or expired in between. */
    private static final int MAX_IMMEDIATE_RETRIES = 3;
    /** A waiting duplicate gives up this long before its own deadline, to answer in time. */
    private static final long WAIT_RESERVE_MILLIS = 1000;

    private final IdempotencyConfig config;
    private final PersistenceStore store;
    private final KeyFactory keys;
    private final LocalRecordCache cache;
    private final Clock clock;
    private final ResponseHook hook;
    private final long expirationSeconds;
    private final long inProgressTimeoutMillis;
    private final CompletionWriter completion;

    /**
     * Creates the engine; done once per {@code Idempotency} instance at init.
     *
     * @param config the configuration
     */
    public IdempotencyEngine(IdempotencyConfig config) {
        this(config, config.localCacheMaxEntries() > 0 ? new LocalRecordCache(config.localCacheMaxEntries()) : null);
    }

    private IdempotencyEngine(IdempotencyConfig config, LocalRecordCache cache) {
        this.config = config;
        this.store = config.persistenceStore();
        this.keys = new KeyFactory(config);
        this.cache = cache;
        this.clock = config.clock();
        this.hook = config.responseHook().orElse(null);
        this.expirationSeconds = config.expiration().toSeconds();
        this.inProgressTimeoutMillis = config.inProgressTimeout().toMillis();
        this.completion = new CompletionWriter(store, clock, expirationSeconds,
                config.completionFailureHook().orElse(null));
    }

    /**
     * An engine for a variant of this configuration (one method's own options) that shares this
     * engine's store and local cache: keys carry the method's name, so their records never mix.
     *
     * @param variant the derived configuration (same store)
     * @return the engine
     */
    public IdempotencyEngine derive(IdempotencyConfig variant) {
        return new IdempotencyEngine(variant, cache);
    }

    /**
     * Runs the body at most once per key within the expiration.
     *
     * @param name the method or given name in the key
     * @param payload the payload the key and validation hash come from
     * @param codec the response codec
     * @param body the protected code
     * @param <T> the response type
     * @return the body's result, or the stored result of an earlier call with the same key
     * @throws Throwable whatever the body throws (unchanged), or an IdempotencyException
     */
    public <T> T execute(String name, Object payload, ResponseCodec<T> codec, Body<T> body) throws Throwable {
        if (config.isDisabled()) {
            return body.run();
        }
        Invocation invocation = Invocation.currentOrNull();
        if (invocation != null && invocation.isPriming()) {
            return body.run(); // SnapStart priming must leave no records behind
        }
        JsonNode tree;
        String key;
        String validation;
        try {
            tree = payload instanceof JsonNode ? (JsonNode) payload : Json.toTree(payload);
            key = keys.key(name, tree, invocation);
            if (key == null) {
                return body.run();
            }
            validation = keys.validationHash(tree);
        } catch (IdempotencyKeyException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A payload the key cannot be derived from (a JMESPath function given the wrong type,
            // nesting deeper than JSON allows, a self-referencing map) must not run unprotected.
            throw new IdempotencyKeyException("Cannot derive the idempotency key of '" + name + "' from the payload: "
                    + e, e);
        }
        long now = clock.millis();
        if (cache != null) {
            IdempotencyRecord cached = cache.get(key, now);
            if (cached != null) {
                validate(cached, validation);
                return replay(cached, codec);
            }
        }
        long waitUntilNanos = 0;
        boolean waiting = false; // the wait deadline is set on the first in-progress conflict
        int retries = 0;
        while (true) {
            long inProgressExpiry = inProgressExpiry(invocation, now);
            // The TTL never ends before the in-progress expiry: DynamoDB must not delete a running record.
            long expiration = Math.max(now / 1000 + expirationSeconds, Math.floorDiv(inProgressExpiry, 1000) + 1);
            IdempotencyRecord claim = IdempotencyRecord.inProgress(key, expiration, inProgressExpiry, validation);
            ClaimResult result = store.claim(claim, now);
            if (result.isClaimed()) {
                return runClaimed(claim, invocation, codec, body);
            }
            IdempotencyRecord existing = result.existing().orElse(null);
            if (existing != null) {
                IdempotencyStatus status = existing.isReplaceableAt(now) ? IdempotencyStatus.EXPIRED
                        : existing.status();
                if (status != IdempotencyStatus.EXPIRED) {
                    validate(existing, validation);
                }
                if (status == IdempotencyStatus.COMPLETED) {
                    remember(existing, now);
                    return replay(existing, codec);
                }
                if (status == IdempotencyStatus.INPROGRESS) {
                    if (!config.inProgressPolicy().waits()) {
                        throw inProgress(key);
                    }
                    if (!waiting) {
                        waiting = true;
                        waitUntilNanos = waitDeadline(invocation);
                    }
                    IdempotencyRecord done = waitForCompletion(key, validation, waitUntilNanos);
                    if (done != null) {
                        return replay(done, codec);
                    }
                    // Gone or abandoned while we waited: claim it ourselves.
                    now = clock.millis();
                    continue;
                }
            }
            // The blocking record vanished or expired between the condition check and now.
            if (++retries > MAX_IMMEDIATE_RETRIES) {
                throw inProgress(key);
            }
            now = clock.millis();
        }
    }

    private <T> T runClaimed(IdempotencyRecord claim, Invocation invocation, ResponseCodec<T> codec, Body<T> body)
            throws Throwable {
        T result;
        try {
            result = body.run();
        } catch (Throwable t) {
            release(claim, t);
            throw t; // the same instance, unchanged
        }
        // The side effect happened: from here no path frees the key for a second run.
        IdempotencyRecord completed = completion.complete(claim, result, codec, invocation);
        if (completed != null) {
            remember(completed, clock.millis());
        }
        return result;
    }

    private void release(IdempotencyRecord claim, Throwable cause) {
        try {
            store.delete(claim);
        } catch (RuntimeException e) {
            // Do not mask the protected code's exception; the record frees itself at its in-progress expiry.
            LOG.warn("Could not delete idempotency record '{}' after a failure ({}); it stays in progress until "
                    + "its in-progress expiry", claim.key(), cause.toString(), e);
        }
    }

    private IdempotencyRecord waitForCompletion(String key, String validation, long waitUntilNanos) {
        InProgressPolicy policy = config.inProgressPolicy();
        long backoff = policy.initialBackoff().toNanos();
        long maxBackoff = policy.maxBackoff().toNanos();
        while (true) {
            long left = waitUntilNanos - System.nanoTime();
            if (left <= 0) {
                throw inProgress(key);
            }
            sleep(Math.min(backoff, left));
            backoff = Math.min(backoff * 2, maxBackoff);
            Optional<IdempotencyRecord> found = store.get(key);
            long now = clock.millis();
            if (found.isEmpty() || found.get().isReplaceableAt(now)) {
                return null;
            }
            IdempotencyRecord record = found.get();
            validate(record, validation);
            if (record.status() == IdempotencyStatus.COMPLETED) {
                remember(record, now);
                return record;
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdempotencyPersistenceException("Interrupted while waiting for an in-progress idempotency "
                    + "record", e);
        }
    }

    private long waitDeadline(Invocation invocation) {
        long wait = config.inProgressPolicy().maxWait().toNanos();
        if (invocation != null) {
            // Never wait past the point where this invocation itself must give up.
            long remaining = (invocation.context().getRemainingTimeInMillis() - WAIT_RESERVE_MILLIS) * 1_000_000L;
            wait = Math.min(wait, Math.max(0, remaining));
        }
        return System.nanoTime() + wait;
    }

    /**
     * The in-progress expiry: the invocation's deadline, never earlier, because until then its body
     * may still run (Lambda stops it at the deadline); without a deadline, the configured timeout.
     */
    private long inProgressExpiry(Invocation invocation, long now) {
        if (invocation == null) {
            return now + inProgressTimeoutMillis;
        }
        long remaining = invocation.context().getRemainingTimeInMillis(); // no Duration per call
        return now + Math.max(remaining, 1);
    }

    private void validate(IdempotencyRecord record, String validation) {
        if (validation != null && record.validationHash() != null && !validation.equals(record.validationHash())) {
            throw new IdempotencyValidationException("Payload for idempotency key '" + record.key() + "' does not "
                    + "match the stored record (validation expression '" + keys.validationExpression() + "'): the same "
                    + "key was reused with different data");
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T replay(IdempotencyRecord record, ResponseCodec<T> codec) {
        if (StoredResponse.isOmitted(record.data())) {
            throw StoredResponse.notStored(record.key(), record.data());
        }
        T value = codec.read(record.key(), record.data());
        return hook == null ? value : (T) hook.onReplay(value, record);
    }

    private void remember(IdempotencyRecord record, long now) {
        if (cache != null) {
            cache.put(record, now);
        }
    }

    private static IdempotencyAlreadyInProgressException inProgress(String key) {
        return new IdempotencyAlreadyInProgressException("Another invocation with idempotency key '" + key
                + "' is in progress; retry later", key);
    }

    /**
     * The local cache, for tests and diagnostics.
     *
     * @return the cache, or null when off
     */
    public LocalRecordCache cache() {
        return cache;
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public IdempotencyConfig config() {
        return config;
    }
}
