package io.powertools.idempotency.internal;

import io.powertools.core.Invocation;
import io.powertools.idempotency.CompletionFailure;
import io.powertools.idempotency.CompletionFailureHook;
import io.powertools.idempotency.IdempotencyItemTooLargeException;
import io.powertools.idempotency.IdempotencyPersistenceException;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.PersistenceStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a claimed record completed once its protected code ran. From this point the code's side
 * effect happened, so nothing here may free the key for a second run:
 * <ul>
 *   <li>the write is retried with bounded exponential backoff, never past the invocation's deadline;</li>
 *   <li>a response that does not fit (or cannot be serialized) is replaced by a marker, so the record
 *       still becomes {@code COMPLETED} and duplicates get a clear exception instead of a rerun;</li>
 *   <li>when every attempt fails the caller still gets its result: the failure is logged at ERROR,
 *       naming the key and the consequence, and reported to the {@link CompletionFailureHook}. The
 *       record stays {@code INPROGRESS} until its in-progress expiry (the residual window).</li>
 *   <li>when the record was taken over (this call outlived its deadline), the same report.</li>
 * </ul>
 */
final class CompletionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionWriter.class);
    /** Completing writes per call; with the backoff below they span about 0.35 s. */
    static final int MAX_ATTEMPTS = 4;
    private static final long INITIAL_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 200;
    /** Time left to the deadline that a retry must not eat into: the response still has to go out. */
    private static final long DEADLINE_RESERVE_MILLIS = 200;

    private final PersistenceStore store;
    private final Clock clock;
    private final long expirationSeconds;
    private final CompletionFailureHook hook;

    CompletionWriter(PersistenceStore store, Clock clock, long expirationSeconds, CompletionFailureHook hook) {
        this.store = store;
        this.clock = clock;
        this.expirationSeconds = expirationSeconds;
        this.hook = hook;
    }

    /**
     * Stores the result of a claimed call.
     *
     * @param claim the caller's in-progress record
     * @param result the protected code's result
     * @param codec its codec
     * @param invocation the current invocation (its deadline bounds the retries), or null
     * @return the completed record as stored, or null when nothing was stored
     */
    <T> IdempotencyRecord complete(IdempotencyRecord claim, T result, ResponseCodec<T> codec, Invocation invocation) {
        String data;
        try {
            data = codec.write(claim.key(), result);
        } catch (IdempotencyPersistenceException e) {
            LOG.error("The response of idempotency key '{}' cannot be serialized as JSON ({}); the record is "
                    + "completed without it, so duplicates get IdempotencyResponseNotStoredException and the "
                    + "protected code does not run again", claim.key(), e.getMessage());
            data = StoredResponse.omitted("the response could not be serialized as JSON");
        }
        IdempotencyRecord completed = claim.completed(data, clock.millis() / 1000 + expirationSeconds);
        long backoff = INITIAL_BACKOFF_MILLIS;
        IdempotencyPersistenceException last = null;
        int attempt = 0;
        while (attempt < MAX_ATTEMPTS) {
            attempt++;
            try {
                if (store.complete(completed)) {
                    return completed;
                }
                reportTakenOver(claim, attempt);
                return null;
            } catch (IdempotencyItemTooLargeException e) {
                if (StoredResponse.isOmitted(completed.data())) {
                    last = e; // even the marker does not fit: the key itself is too large
                    break;
                }
                LOG.error("The response of idempotency key '{}' is too large to store ({}); the record is completed "
                        + "without it, so duplicates get IdempotencyResponseNotStoredException and the protected code "
                        + "does not run again", claim.key(), e.getMessage());
                completed = claim.completed(StoredResponse.omitted(sizeReason(e)), completed.expirationEpochSeconds());
                attempt--; // replacing the response is not a retry of a failed write
            } catch (IdempotencyPersistenceException e) {
                last = e;
                if (attempt >= MAX_ATTEMPTS || !sleepWithin(backoff, invocation)) {
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        reportFailure(claim, attempt, last);
        return null;
    }

    private static String sizeReason(IdempotencyItemTooLargeException e) {
        String message = e.getMessage();
        int cut = message.indexOf("; the record was not completed");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** Sleeps unless that would run into the invocation's deadline reserve or the thread is interrupted. */
    private static boolean sleepWithin(long millis, Invocation invocation) {
        if (invocation != null
                && invocation.context().getRemainingTimeInMillis() - millis < DEADLINE_RESERVE_MILLIS) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The record is no longer this call's: it ran (or its completing write was delayed) past its
     * deadline, and another call claimed the key, so the code may have run twice. On Lambda the
     * deadline stops the code first; this shows where it did not (threads outliving the
     * invocation, Managed Instances), so it is reported like a failed write.
     */
    private void reportTakenOver(IdempotencyRecord claim, int attempts) {
        Instant expiry = Instant.ofEpochMilli(claim.inProgressExpirationEpochMillis());
        IdempotencyPersistenceException cause = new IdempotencyPersistenceException("Idempotency record '"
                + claim.key() + "' was taken over by another call after its in-progress expiry " + expiry, null);
        LOG.error("Idempotency record '{}' was taken over by another call before this one completed it: this call "
                + "ran past its in-progress expiry ({}), so the protected code may have run twice; the result is "
                + "returned but not stored", claim.key(), expiry);
        notifyHook(claim, attempts, expiry, cause);
    }

    private void reportFailure(IdempotencyRecord claim, int attempts, IdempotencyPersistenceException cause) {
        Instant reclaimable = Instant.ofEpochMilli(claim.inProgressExpirationEpochMillis());
        LOG.error("Idempotency record '{}' could not be marked COMPLETED after {} attempt(s): the protected code ran "
                + "and its result is returned, but the record stays INPROGRESS until {}; a duplicate arriving after "
                + "that runs the protected code again. Last failure: {}", claim.key(), attempts, reclaimable,
                cause.getMessage(), cause);
        notifyHook(claim, attempts, reclaimable, cause);
    }

    private void notifyHook(IdempotencyRecord claim, int attempts, Instant reclaimable,
            IdempotencyPersistenceException cause) {
        if (hook == null) {
            return;
        }
        try {
            hook.onCompletionFailure(new CompletionFailure(claim.key(), Math.max(attempts, 1), reclaimable, cause));
        } catch (RuntimeException e) {
            LOG.warn("The idempotency CompletionFailureHook threw for key '{}'; the call's result is returned anyway",
                    claim.key(), e);
        }
    }
}
