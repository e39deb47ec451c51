package io.powertools.benchmarks.idempotency;

import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Issue 5: a first call (claim + complete: conditional PutItem + conditional UpdateItem) and a
 * duplicate (a conditional PutItem that fails and returns the stored item; on a server that returns
 * no item, plus one consistent GetItem) through {@link Idempotency}, against the same raw DynamoDB
 * requests made with the same low-level client on the same database. Goal: at most 1.1x.
 * Subclasses choose the database; both sides of a comparison always share it, so the difference is
 * the library's own cost.
 *
 * <p>The trial set-up runs all four operations in turn for as many seconds as the system property
 * {@value #WARMUP_PROPERTY} says (the full run sets 20; none by default, as in the quick mode): the
 * SDK's request pipeline and the database need longer than JMH's warm-up to reach steady state, and
 * warming every operation in every fork gives them the same profile whichever side is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class IdempotencyOnDynamoDb {

    private static final String TABLE = "idempotency";
    private static final String CLAIM = "attribute_not_exists(#id) OR #exp < :now_s OR (#st = :inprogress AND #ipe < :now_ms)";
    private static final long EXPIRATION_SECONDS = 3600;
    /**
     * Raw keys are as long as the library's ({@code benchmark.order#} and 64 hex digits of SHA-256),
     * so both sides send items of the same size; the digits are a counter, not a hash.
     */
    private static final String RAW_KEY_PREFIX = "benchmark.order#";
    private static final int RAW_KEY_DIGITS = 64;
    private static final String RAW_DUPLICATE = rawKey(Long.MAX_VALUE);
    /** System property: seconds of mixed warm-up in the trial set-up. */
    public static final String WARMUP_PROPERTY = "bench.dynamodb.warmup";

    private DynamoDbClient client;
    private Idempotency idempotency;
    private long next;

    /**
     * Starts the database.
     *
     * @return a client for it, used by both sides
     */
    protected abstract DynamoDbClient start();

    /** Stops the database. */
    protected abstract void stop();

    /** Called once the duplicates' records are stored, before the warm-up. */
    protected void ready() {
    }

    /** Starts the database, creates the table and stores the duplicates' first calls. */
    @Setup(Level.Trial)
    public void setUp() {
        client = start();
        client.createTable(request -> request.tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        idempotency = Idempotency.of(IdempotencyConfig.builder()
                .persistenceStore(DynamoDbPersistenceStore.builder().tableName(TABLE).dynamoDbClient(client).build())
                .functionName("benchmark")
                .build());
        idempotency.call("order", "duplicate", String.class, () -> "ok");
        rawFirstCall(client, RAW_DUPLICATE);
        ready();
        long end = System.nanoTime() + Long.getLong(WARMUP_PROPERTY, 0) * 1_000_000_000L;
        while (System.nanoTime() - end < 0) {
            oursFirstCall();
            rawFirstCall();
            oursDuplicate();
            rawDuplicate();
        }
    }

    /** Stops the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        stop();
    }

    /**
     * A first call through the library.
     *
     * @return the response
     */
    @Benchmark
    public String oursFirstCall() {
        return idempotency.call("order", "first-" + next++, String.class, () -> "ok");
    }

    /** The raw requests of a first call. */
    @Benchmark
    public void rawFirstCall() {
        rawFirstCall(client, rawKey(next++));
    }

    /**
     * A duplicate through the library.
     *
     * @return the stored response
     */
    @Benchmark
    public String oursDuplicate() {
        return idempotency.call("order", "duplicate", String.class, () -> "ok");
    }

    /**
     * The raw requests of a duplicate: the claim, which fails; when the server leaves the stored
     * item out of the failure (dynalite does, DynamoDB does not), the consistent read any code needs
     * then, as the library makes it.
     *
     * @return the stored item
     */
    @Benchmark
    public Map<String, AttributeValue> rawDuplicate() {
        try {
            client.putItem(claim(RAW_DUPLICATE));
            throw new IllegalStateException("the duplicate's claim should have failed");
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return e.item();
            }
            return client.getItem(request -> request.tableName(TABLE).consistentRead(true)
                    .key(Map.of("id", AttributeValue.fromS(RAW_DUPLICATE)))).item();
        }
    }

    /**
     * What the library's first call sends: the claim, then the completion, which sets the status,
     * the response and the expiration counted from completion, conditional on the claim being ours.
     */
    private static void rawFirstCall(DynamoDbClient client, String key) {
        PutItemRequest claim = claim(key);
        client.putItem(claim);
        client.updateItem(UpdateItemRequest.builder()
                .tableName(TABLE)
                .key(Map.of("id", AttributeValue.fromS(key)))
                .updateExpression("SET #st = :completed, #exp = :exp, #data = :data")
                .conditionExpression("#st = :inprogress AND #ipe = :mine")
                .expressionAttributeNames(Map.of("#st", "status", "#exp", "expiration", "#data", "data",
                        "#ipe", "in_progress_expiration"))
                .expressionAttributeValues(Map.of(
                        ":completed", AttributeValue.fromS("COMPLETED"),
                        ":exp", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 + EXPIRATION_SECONDS)),
                        ":data", AttributeValue.fromS("\"ok\""),
                        ":inprogress", AttributeValue.fromS("INPROGRESS"),
                        ":mine", claim.item().get("in_progress_expiration")))
                .build());
    }

    private static String rawKey(long n) {
        String digits = Long.toString(n);
        return RAW_KEY_PREFIX + "0".repeat(RAW_KEY_DIGITS - digits.length()) + digits;
    }

    private static PutItemRequest claim(String key) {
        long now = System.currentTimeMillis();
        return PutItemRequest.builder()
                .tableName(TABLE)
                .item(Map.of(
                        "id", AttributeValue.fromS(key),
                        "expiration", AttributeValue.fromN(Long.toString(now / 1000 + EXPIRATION_SECONDS)),
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
