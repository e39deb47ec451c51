package io.powertools.idempotency.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.testing.DynamoDbTestServerExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The completing update, which the store prepares once and sends with the low-level client: the
 * record it leaves, for every shape of record and table, and its owner condition.
 */
class DynamoDbCompletionTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final long NOW = 1_800_000_000_000L;
    private static DynamoDbPersistenceStore plain;
    private static DynamoDbPersistenceStore sorted;

    @BeforeAll
    static void createTables() {
        DYNAMO.createTable("plain", "id");
        DYNAMO.createTable("sorted", "pk", "sk");
        plain = DynamoDbPersistenceStore.builder().tableName("plain").dynamoDbClient(DYNAMO.client()).build();
        sorted = DynamoDbPersistenceStore.builder().tableName("sorted").dynamoDbClient(DYNAMO.client())
                .keyAttr("pk").sortKeyAttr("sk").staticPartitionKeyValue("idempotency#orders")
                .expiryAttr("ttl").inProgressExpiryAttr("ipe").statusAttr("state").dataAttr("body")
                .validationAttr("check").build();
    }

    private static IdempotencyRecord claim(DynamoDbPersistenceStore store, String key, String validation) {
        IdempotencyRecord claim = IdempotencyRecord.inProgress(key, NOW / 1000 + 60, NOW + 30_000, validation);
        assertThat(store.claim(claim, NOW).isClaimed()).isTrue();
        return claim;
    }

    private static Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        return DYNAMO.client().getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> plainItem(String key) {
        return item("plain", Map.of("id", s(key)));
    }

    /** An item of the plain table with the default attribute names; no data attribute when data is null. */
    private static Map<String, AttributeValue> plainRecord(String key, long expiration, long inProgressExpiration,
            String status, String data) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("id", s(key), "expiration", n(expiration),
                "in_progress_expiration", n(inProgressExpiration), "status", s(status)));
        if (data != null) {
            item.put("data", s(data));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    @Test
    void completionWritesStatusExpirationDataAndValidationUnderCustomNames() {
        IdempotencyRecord claim = claim(sorted, "orders.a#1", "hash-1");

        assertThat(sorted.complete(claim.completed("{\"n\":1}", NOW / 1000 + 3600))).isTrue();

        assertThat(item("sorted", Map.of("pk", s("idempotency#orders"), "sk", s("orders.a#1")))).isEqualTo(Map.of(
                "pk", s("idempotency#orders"), "sk", s("orders.a#1"), "ttl", n(NOW / 1000 + 3600),
                "ipe", n(NOW + 30_000), "state", s("COMPLETED"), "body", s("{\"n\":1}"), "check", s("hash-1")));
    }

    @Test
    void completionWithoutValidationOrDataLeavesThoseAttributesOut() {
        IdempotencyRecord withoutValidation = claim(plain, "orders.b#1", null);
        IdempotencyRecord withoutData = claim(plain, "orders.b#2", null);

        assertThat(plain.complete(withoutValidation.completed("\"ok\"", NOW / 1000 + 3600))).isTrue();
        assertThat(plain.complete(withoutData.completed(null, NOW / 1000 + 3600))).isTrue();

        assertThat(plainItem("orders.b#1")).isEqualTo(plainRecord("orders.b#1", NOW / 1000 + 3600, NOW + 30_000,
                "COMPLETED", "\"ok\""));
        assertThat(plainItem("orders.b#2")).isEqualTo(plainRecord("orders.b#2", NOW / 1000 + 3600, NOW + 30_000,
                "COMPLETED", null));
    }

    @Test
    void completionOfARecordTakenOverByAnotherInvocationChangesNothing() {
        IdempotencyRecord mine = claim(plain, "orders.c#1", null);
        // Another invocation took the record over after mine passed its in-progress expiry.
        IdempotencyRecord theirs = IdempotencyRecord.inProgress("orders.c#1", NOW / 1000 + 90, NOW + 90_000, null);
        assertThat(plain.claim(theirs, NOW + 31_000).isClaimed()).isTrue();

        assertThat(plain.complete(mine.completed("\"late\"", NOW / 1000 + 3600))).isFalse();

        assertThat(plainItem("orders.c#1")).isEqualTo(plainRecord("orders.c#1", NOW / 1000 + 90, NOW + 90_000,
                "INPROGRESS", null));
    }

    @Test
    void aCompletedRecordIsNotCompletedAgain() {
        IdempotencyRecord claim = claim(plain, "orders.d#1", null);
        assertThat(plain.complete(claim.completed("\"first\"", NOW / 1000 + 3600))).isTrue();

        assertThat(plain.complete(claim.completed("\"second\"", NOW / 1000 + 7200))).isFalse();

        assertThat(plainItem("orders.d#1").get("data")).isEqualTo(s("\"first\""));
    }
}
