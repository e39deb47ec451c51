package io.powertools.idempotency.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.powertools.idempotency.IdempotencyItemTooLargeException;
import io.powertools.idempotency.persistence.ClaimResult;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import io.powertools.idempotency.persistence.PersistenceStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PersistenceStore} keeps, as JUnit 5 tests a store's own test class
 * inherits. The idempotency engine relies on each of these rules; a store that passes them can
 * replace the DynamoDB one. Published in the {@code powertools-idempotency} test jar (classifier
 * {@code tests}), so a third-party store reuses it in a few lines:
 *
 * <pre>{@code
 * class MyStoreContractTest extends PersistenceStoreContract {
 *     @Override
 *     protected PersistenceStore store() {
 *         return new MyStore(...);
 *     }
 * }
 * }</pre>
 *
 * <p>What is checked: one winner among concurrent claimers of a key, and every loser sees the
 * winner's record; the claim rules (an in-progress record is freed only by its in-progress expiry,
 * never by its expiration; a completed one by its expiration); complete and delete act only for the
 * claim's owner; the stored response comes back exactly (large and non-ASCII data included); a
 * record too large for the store is refused with {@link IdempotencyItemTooLargeException} and
 * leaves the claim in place. Times are passed explicitly, so no test sleeps or depends on a clock.
 * Each test uses keys of its own, so a store may keep its data between tests.
 */
public abstract class PersistenceStoreContract {

    /** A fixed "now" far from any real clock edge, in epoch milliseconds. */
    protected static final long NOW = 1_900_000_000_000L;

    private PersistenceStore store;
    private ExecutorService claimers;

    /**
     * The store under test. Called before each test; returning the same instance every time is fine.
     *
     * @return the store
     */
    protected abstract PersistenceStore store();

    /**
     * How many threads race for one key in {@link #oneWinnerAmongConcurrentClaimers()}.
     *
     * @return the number of concurrent claimers (default 16)
     */
    protected int concurrentClaimers() {
        return 16;
    }

    /**
     * The largest response the store keeps, in bytes of data, if it has a limit; a response well
     * above it must be refused. Stores without a limit keep the default.
     *
     * @return the limit, or empty when there is none
     */
    protected Optional<Integer> maxDataBytes() {
        return Optional.empty();
    }

    @BeforeEach
    void setUpContract() {
        store = store();
        claimers = Executors.newFixedThreadPool(concurrentClaimers());
    }

    @AfterEach
    void tearDownContract() throws InterruptedException {
        claimers.shutdownNow();
        claimers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * A key no other test uses.
     *
     * @param what a readable part
     * @return the key
     */
    protected static String uniqueKey(String what) {
        return "contract." + what + "#" + UUID.randomUUID();
    }

    private static IdempotencyRecord inProgress(String key, long expirationSeconds, long inProgressExpiry) {
        return IdempotencyRecord.inProgress(key, expirationSeconds, inProgressExpiry, "validation-hash");
    }

    private IdempotencyRecord claimed(String key, long expirationSeconds, long inProgressExpiry, long now) {
        IdempotencyRecord claim = inProgress(key, expirationSeconds, inProgressExpiry);
        assertTrue(store.claim(claim, now).isClaimed(), "a free key must be claimable: " + key);
        return claim;
    }

    private IdempotencyRecord stored(String key) {
        return store.get(key).orElseGet(() -> fail("no record for " + key));
    }

    private static void assertSameRecord(IdempotencyRecord expected, IdempotencyRecord actual) {
        assertEquals(expected.key(), actual.key(), "key");
        assertEquals(expected.status(), actual.status(), "status");
        assertEquals(expected.expirationEpochSeconds(), actual.expirationEpochSeconds(), "expiration");
        assertEquals(expected.inProgressExpirationEpochMillis(), actual.inProgressExpirationEpochMillis(),
                "in-progress expiry");
        assertEquals(expected.data(), actual.data(), "data");
        assertEquals(expected.validationHash(), actual.validationHash(), "validation hash");
    }

    @Test
    void aFreeKeyIsClaimedAndReadBackAsWritten() {
        String key = uniqueKey("claim");
        IdempotencyRecord claim = claimed(key, NOW / 1000 + 3600, NOW + 30_000, NOW);
        assertSameRecord(claim, stored(key));
        assertTrue(store.get(uniqueKey("absent")).isEmpty(), "an absent key reads as empty");
    }

    @Test
    void oneWinnerAmongConcurrentClaimers() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = uniqueKey("race-" + round);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ClaimResult>> results = new ArrayList<>();
            List<IdempotencyRecord> attempts = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                // Each claimer's record is told apart by its in-progress expiry.
                IdempotencyRecord attempt = inProgress(key, NOW / 1000 + 3600, NOW + 30_000 + i);
                attempts.add(attempt);
                results.add(claimers.submit(() -> {
                    start.await();
                    return store.claim(attempt, NOW);
                }));
            }
            start.countDown();
            IdempotencyRecord winner = null;
            List<ClaimResult> conflicts = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                ClaimResult result = results.get(i).get(30, TimeUnit.SECONDS);
                if (result.isClaimed()) {
                    assertEquals(null, winner, "two claimers won key " + key);
                    winner = attempts.get(i);
                } else {
                    conflicts.add(result);
                }
            }
            assertTrue(winner != null, "no claimer won key " + key);
            assertSameRecord(winner, stored(key));
            for (ClaimResult conflict : conflicts) {
                IdempotencyRecord blocking = conflict.existing()
                        .orElseGet(() -> fail("a refused claim must carry the blocking record (nothing deleted it)"));
                assertSameRecord(winner, blocking);
            }
        }
    }

    @Test
    void anInProgressRecordIsNeverFreedByItsExpiration() {
        String key = uniqueKey("running");
        // Expiration long past, in-progress expiry ahead: its code may still run.
        IdempotencyRecord running = claimed(key, NOW / 1000 - 600, NOW + 60_000, NOW - 700_000);
        ClaimResult second = store.claim(inProgress(key, NOW / 1000 + 3600, NOW + 90_000), NOW);
        assertFalse(second.isClaimed(), "an in-progress record before its in-progress expiry must block");
        assertSameRecord(running, second.existing().orElseGet(() -> fail("the blocking record")));
    }

    @Test
    void anInProgressRecordIsFreedRightAfterItsInProgressExpiry() {
        String key = uniqueKey("abandoned");
        claimed(key, NOW / 1000 + 3600, NOW, NOW - 30_000);
        assertFalse(store.claim(inProgress(key, NOW / 1000 + 3600, NOW + 60_000), NOW).isClaimed(),
                "at its in-progress expiry it still blocks");
        IdempotencyRecord takeover = inProgress(key, NOW / 1000 + 3600, NOW + 60_001);
        assertTrue(store.claim(takeover, NOW + 1).isClaimed(), "after its in-progress expiry it is free");
        assertSameRecord(takeover, stored(key));
    }

    @Test
    void aCompletedRecordBlocksUntilItsExpiration() {
        String key = uniqueKey("completed");
        IdempotencyRecord claim = claimed(key, NOW / 1000 + 60, NOW + 30_000, NOW);
        IdempotencyRecord completed = claim.completed("{\"n\":1}", NOW / 1000 + 60);
        assertTrue(store.complete(completed));
        long beforeExpiry = (NOW / 1000 + 60) * 1000 + 999; // within its last second
        ClaimResult blocked = store.claim(inProgress(key, NOW / 1000 + 3600, beforeExpiry + 30_000), beforeExpiry);
        assertFalse(blocked.isClaimed(), "a completed record blocks until its expiration");
        assertSameRecord(completed, blocked.existing().orElseGet(() -> fail("the blocking record")));
        long afterExpiry = (NOW / 1000 + 61) * 1000;
        assertTrue(store.claim(inProgress(key, NOW / 1000 + 3600, afterExpiry + 30_000), afterExpiry).isClaimed(),
                "an expired completed record is free");
    }

    @Test
    void onlyTheOwnerCompletes() {
        String key = uniqueKey("owner");
        IdempotencyRecord late = claimed(key, NOW / 1000 + 3600, NOW + 1_000, NOW);
        IdempotencyRecord takeover = inProgress(key, NOW / 1000 + 3600, NOW + 90_000);
        assertTrue(store.claim(takeover, NOW + 2_000).isClaimed());

        assertFalse(store.complete(late.completed("\"late\"", NOW / 1000 + 3600)),
                "a claim that was taken over must not complete");
        assertSameRecord(takeover, stored(key));

        IdempotencyRecord completed = takeover.completed("\"mine\"", NOW / 1000 + 7200);
        assertTrue(store.complete(completed));
        assertSameRecord(completed, stored(key));
        assertFalse(store.complete(takeover.completed("\"again\"", NOW / 1000 + 9000)),
                "a completed record is not completed again");
        assertSameRecord(completed, stored(key));
    }

    @Test
    void onlyTheOwnerDeletes() {
        String key = uniqueKey("delete");
        IdempotencyRecord late = claimed(key, NOW / 1000 + 3600, NOW + 1_000, NOW);
        IdempotencyRecord takeover = inProgress(key, NOW / 1000 + 3600, NOW + 90_000);
        assertTrue(store.claim(takeover, NOW + 2_000).isClaimed());

        store.delete(late);
        assertSameRecord(takeover, stored(key));
        IdempotencyRecord completed = takeover.completed("\"done\"", NOW / 1000 + 3600);
        assertTrue(store.complete(completed));
        store.delete(takeover);
        assertSameRecord(completed, stored(key));

        String other = uniqueKey("delete-own");
        IdempotencyRecord mine = claimed(other, NOW / 1000 + 3600, NOW + 30_000, NOW);
        store.delete(mine);
        assertTrue(store.get(other).isEmpty(), "the owner's delete removes its in-progress record");
        assertTrue(store.claim(inProgress(other, NOW / 1000 + 3600, NOW + 30_000), NOW).isClaimed());
    }

    @Test
    void theStoredResponseComesBackExactlyOnEveryReadPath() {
        StringBuilder large = new StringBuilder("{\"items\":[");
        Random random = new Random(42);
        while (large.length() < 150_000) {
            large.append('"').append(Long.toHexString(random.nextLong())).append("\u20ac\ud83d\ude00\",");
        }
        large.append("\"end\"]}");
        for (String data : List.of("null", "\"\"", "{\"a\":[1,2.5,true,null],\"b\":\"\\u0000\"}", large.toString(),
                "~omitted:the response could not be stored")) {
            String key = uniqueKey("data");
            IdempotencyRecord completed = claimed(key, NOW / 1000 + 3600, NOW + 30_000, NOW)
                    .completed(data, NOW / 1000 + 3600);
            assertTrue(store.complete(completed));
            assertSameRecord(completed, stored(key));
            ClaimResult duplicate = store.claim(inProgress(key, NOW / 1000 + 3600, NOW + 60_000), NOW + 1_000);
            assertFalse(duplicate.isClaimed());
            assertSameRecord(completed, duplicate.existing().orElseGet(() -> fail("the blocking record")));
        }
    }

    @Test
    void aRecordTooLargeForTheStoreIsRefusedAndLeavesTheClaim() {
        Optional<Integer> limit = maxDataBytes();
        if (limit.isEmpty()) {
            return; // no limit to exceed
        }
        byte[] random = new byte[limit.get() * 2];
        new Random(7).nextBytes(random);
        String tooLarge = "\"" + Base64.getEncoder().encodeToString(random) + "\"";
        String key = uniqueKey("too-large");
        IdempotencyRecord claim = claimed(key, NOW / 1000 + 3600, NOW + 30_000, NOW);
        assertThrows(IdempotencyItemTooLargeException.class,
                () -> store.complete(claim.completed(tooLarge, NOW / 1000 + 3600)));
        IdempotencyRecord left = stored(key);
        assertEquals(IdempotencyStatus.INPROGRESS, left.status(), "nothing half-written");
        assertSameRecord(claim, left);
    }
}
