package io.powertools.benchmarks.idempotency;

import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.testing.DynamoDbLocalExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Issue 5: a first call (claim + complete: conditional PutItem + conditional UpdateItem) and a
 * duplicate (one conditional PutItem that fails and returns the stored item) through
 * {@link Idempotency} on DynamoDB Local in-process, against the same raw DynamoDB requests made
 * with the low-level client. Goal: at most 1.1x.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IdempotencyDynamoDbBenchmark {

    private static final String TABLE = "idempotency";
    private static final String CLAIM = "attribute_not_exists(#id) OR #exp < :now_s OR (#st = :inprogress AND #ipe < :now_ms)";

    /** DynamoDB Local for the trial, with the table and one completed record for duplicates. */
    @State(Scope.Benchmark)
    public static class Database {
        private DynamoDbLocalExtension dynamo;
        private DynamoDbClient client;
        private Idempotency idempotency;

        /** Starts DynamoDB Local and stores the duplicate's first call. */
        @Setup(Level.Trial)
        public void setUp() {
            dynamo = new DynamoDbLocalExtension();
            dynamo.start();
            dynamo.createTable(TABLE, "id");
            client = dynamo.client();
            idempotency = Idempotency.of(IdempotencyConfig.builder()
                    .persistenceStore(DynamoDbPersistenceStore.builder().tableName(TABLE).dynamoDbClient(client).build())
                    .functionName("benchmark")
                    .build());
            idempotency.call("order", "duplicate", String.class, () -> "ok");
            rawFirstCall(client, "raw-duplicate");
        }

        /** Stops DynamoDB Local. */
        @TearDown(Level.Trial)
        public void tearDown() {
            dynamo.stop();
        }
    }

    /** A per-thread counter for fresh keys. */
    @State(Scope.Thread)
    public static class Keys {
        private long next;
    }

    /**
     * A first call through the library.
     *
     * @param db the database
     * @param keys fresh keys
     * @return the response
     */
    @Benchmark
    public String oursFirstCall(Database db, Keys keys) {
        return db.idempotency.call("order", "first-" + keys.next++, String.class, () -> "ok");
    }

    /**
     * The raw requests of a first call.
     *
     * @param db the database
     * @param keys fresh keys
     */
    @Benchmark
    public void rawFirstCall(Database db, Keys keys) {
        rawFirstCall(db.client, "raw-first-" + keys.next++);
    }

    /**
     * A duplicate through the library.
     *
     * @param db the database
     * @return the stored response
     */
    @Benchmark
    public String oursDuplicate(Database db) {
        return db.idempotency.call("order", "duplicate", String.class, () -> "ok");
    }

    /**
     * The raw request of a duplicate.
     *
     * @param db the database
     * @return the stored item
     */
    @Benchmark
    public Map<String, AttributeValue> rawDuplicate(Database db) {
        try {
            db.client.putItem(claim("raw-duplicate"));
            throw new IllegalStateException("the duplicate's claim should have failed");
        } catch (ConditionalCheckFailedException e) {
            return e.item();
        }
    }

    static void rawFirstCall(DynamoDbClient client, String key) {
        PutItemRequest claim = claim(key);
        client.putItem(claim);
        client.updateItem(UpdateItemRequest.builder()
                .tableName(TABLE)
                .key(Map.of("id", AttributeValue.fromS(key)))
                .updateExpression("SET #st = :completed, #data = :data")
                .conditionExpression("#st = :inprogress AND #ipe = :mine")
                .expressionAttributeNames(Map.of("#st", "status", "#data", "data", "#ipe", "in_progress_expiration"))
                .expressionAttributeValues(Map.of(
                        ":completed", AttributeValue.fromS("COMPLETED"),
                        ":data", AttributeValue.fromS("\"ok\""),
                        ":inprogress", AttributeValue.fromS("INPROGRESS"),
                        ":mine", claim.item().get("in_progress_expiration")))
                .build());
    }

    static PutItemRequest claim(String key) {
        long now = System.currentTimeMillis();
        return PutItemRequest.builder()
                .tableName(TABLE)
                .item(Map.of(
                        "id", AttributeValue.fromS(key),
                        "expiration", AttributeValue.fromN(Long.toString(now / 1000 + 3600)),
                        "in_progress_expiration", AttributeValue.fromN(Long.toString(now + 29_000)),
                        "status", AttributeValue.fromS("INPROGRESS")))
                .conditionExpression(CLAIM)
                .expressionAttributeNames(Map.of("#id", "id", "#exp", "expiration", "#st", "status",
                        "#ipe", "in_progress_expiration"))
                .expressionAttributeValues(Map.of(
                        ":now_s", AttributeValue.fromN(Long.toString(now / 1000)),
                        ":now_ms", AttributeValue.fromN(Long.toString(now)),
                        ":inprogress", AttributeValue.fromS("INPROGRESS")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }
}
