package io.powertools.idempotency.persistence;

import java.util.Optional;

/**
 * The outcome of {@link PersistenceStore#claim}: either this caller now owns the key, or the
 * record that blocked the claim (on DynamoDB returned by the same request, so a duplicate costs one
 * call).
 */
public final class ClaimResult {

    private static final ClaimResult CLAIMED = new ClaimResult(null, true);

    private final IdempotencyRecord existing;
    private final boolean claimed;

    private ClaimResult(IdempotencyRecord existing, boolean claimed) {
        this.existing = existing;
        this.claimed = claimed;
    }

    /**
     * The claim succeeded.
     *
     * @return the shared success result
     */
    public static ClaimResult claimed() {
        return CLAIMED;
    }

    /**
     * The claim failed because of a record.
     *
     * @param existing the record that blocked the claim, or null when the store could not tell
     *     (it vanished between the check and the read)
     * @return the result
     */
    public static ClaimResult conflict(IdempotencyRecord existing) {
        return new ClaimResult(existing, false);
    }

    /**
     * Whether the caller owns the key now.
     *
     * @return true when claimed
     */
    public boolean isClaimed() {
        return claimed;
    }

    /**
     * The record that blocked the claim.
     *
     * @return the record; empty when claimed or unknown
     */
    public Optional<IdempotencyRecord> existing() {
        return Optional.ofNullable(existing);
    }

    @Override
    public String toString() {
        return claimed ? "ClaimResult[claimed]" : "ClaimResult[conflict " + existing + "]";
    }
}
