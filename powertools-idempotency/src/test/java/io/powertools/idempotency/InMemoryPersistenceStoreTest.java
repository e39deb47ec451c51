package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.idempotency.persistence.ClaimResult;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import io.powertools.idempotency.persistence.InMemoryPersistenceStore;
import org.junit.jupiter.api.Test;

/** The in-memory store follows the same claim and ownership rules as the DynamoDB one. */
class InMemoryPersistenceStoreTest {

    private final InMemoryPersistenceStore store = new InMemoryPersistenceStore();
    private final long now = 1_700_000_000_000L;

    @Test
    void claimIsExclusiveUntilExpiryOrInProgressExpiry() {
        IdempotencyRecord mine = IdempotencyRecord.inProgress("k", now / 1000 + 60, now + 1000, null);
        assertThat(store.claim(mine, now).isClaimed()).isTrue();
        ClaimResult second = store.claim(IdempotencyRecord.inProgress("k", now / 1000 + 60, now + 2000, null), now);
        assertThat(second.isClaimed()).isFalse();
        assertThat(second.existing()).contains(mine);
        // Past the in-progress expiry, another caller takes over; the first one's completion is then refused.
        IdempotencyRecord takeover = IdempotencyRecord.inProgress("k", now / 1000 + 60, now + 9000, null);
        assertThat(store.claim(takeover, now + 1001).isClaimed()).isTrue();
        assertThat(store.complete(mine.completed("\"late\"", now / 1000 + 60))).isFalse();
        store.delete(mine);
        assertThat(store.get("k")).contains(takeover);
        assertThat(store.complete(takeover.completed("\"ok\"", now / 1000 + 60))).isTrue();
        assertThat(store.get("k").orElseThrow().status()).isEqualTo(IdempotencyStatus.COMPLETED);
        // A completed record blocks until it expires.
        assertThat(store.claim(IdempotencyRecord.inProgress("k", now / 1000 + 120, now + 9999, null), now + 5000)
                .isClaimed()).isFalse();
        assertThat(store.claim(IdempotencyRecord.inProgress("k", now / 1000 + 120, now + 99_999, null), now + 61_000)
                .isClaimed()).isTrue();
    }

    @Test
    void statusIsExpiredOnlyByComputation() {
        IdempotencyRecord record = IdempotencyRecord.inProgress("k", now / 1000 + 1, now + 500, null)
                .completed("1", now / 1000 + 1);
        assertThat(record.statusAt(now)).isEqualTo(IdempotencyStatus.COMPLETED);
        assertThat(record.statusAt(now + 2000)).isEqualTo(IdempotencyStatus.EXPIRED);
        assertThat(record.status()).isEqualTo(IdempotencyStatus.COMPLETED);
    }
}
