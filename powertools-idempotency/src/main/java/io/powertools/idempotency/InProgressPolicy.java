package io.powertools.idempotency;

import java.time.Duration;
import java.util.Objects;

/**
 * What a duplicate does when the first invocation with its key is still running: fail at once
 * with {@link IdempotencyAlreadyInProgressException} (the default), or wait a bounded time,
 * polling the store with exponential backoff, and return the first invocation's stored result.
 * Waiting is also bounded by the Lambda deadline of the waiting invocation.
 */
public final class InProgressPolicy {

    private static final InProgressPolicy FAIL = new InProgressPolicy(Duration.ZERO,
            Duration.ofMillis(50), Duration.ofSeconds(1));

    private final Duration maxWait;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private InProgressPolicy(Duration maxWait, Duration initialBackoff, Duration maxBackoff) {
        this.maxWait = maxWait;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Fail at once with {@link IdempotencyAlreadyInProgressException}.
     *
     * @return the default policy
     */
    public static InProgressPolicy failFast() {
        return FAIL;
    }

    /**
     * Wait up to the given time for the first invocation to complete (backoff from 50 ms,
     * doubling, at most 1 s between polls).
     *
     * @param maxWait the longest wait; positive
     * @return the policy
     * @throws IdempotencyConfigurationException when maxWait is not positive
     */
    public static InProgressPolicy waitUpTo(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IdempotencyConfigurationException("InProgressPolicy.waitUpTo needs a positive duration, got "
                    + maxWait + "; use InProgressPolicy.failFast() to not wait");
        }
        return new InProgressPolicy(maxWait, FAIL.initialBackoff, FAIL.maxBackoff);
    }

    /**
     * This policy with another backoff between polls.
     *
     * @param initial the first pause; positive
     * @param max the longest pause; at least initial
     * @return a new policy
     * @throws IdempotencyConfigurationException when the durations are not positive or max is
     *     below initial
     */
    public InProgressPolicy withBackoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IdempotencyConfigurationException("Backoff needs 0 < initial <= max, got initial="
                    + initial + ", max=" + max);
        }
        return new InProgressPolicy(maxWait, initial, max);
    }

    /**
     * Whether duplicates wait.
     *
     * @return true when {@link #maxWait()} is positive
     */
    public boolean waits() {
        return !maxWait.isZero();
    }

    /**
     * The longest wait.
     *
     * @return zero for fail-fast
     */
    public Duration maxWait() {
        return maxWait;
    }

    /**
     * The first pause between polls.
     *
     * @return the pause
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest pause between polls.
     *
     * @return the pause
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        return waits() ? "InProgressPolicy[wait up to " + maxWait + ", backoff " + initialBackoff + ".." + maxBackoff + "]"
                : "InProgressPolicy[fail fast]";
    }
}
