package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.core.json.Json;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import io.powertools.idempotency.support.MutableClock;
import io.powertools.idempotency.support.OldItemOnConditionFailure;
import io.powertools.idempotency.support.RequestCounter;
import io.powertools.idempotency.support.ServerTraits;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.FakeContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The functional API against a DynamoDB server (dynalite, or the endpoint the tester configured),
 * counting the requests each call makes.
 */
class DynamoDbIdempotencyTest {

    /** One server for this class; each test uses its own keys in the shared table. */
    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final RequestCounter COUNTER = new RequestCounter();
    private static final String TABLE = "idempotency";
    private static DynamoDbClient client;
    private static DynamoDbPersistenceStore store;
    /** DynamoDB returns the blocking item with the failed condition; dynalite does not, so the store reads it. */
    private static boolean serverReturnsOldItem;
    /** What a duplicate of a completed call costs on this server. */
    private static Map<String, Integer> duplicateRequests;

    private final AtomicInteger executions = new AtomicInteger();
    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void createTable() {
        // The server's own client has no interceptors: this one counts every request the store sends.
        client = DYNAMO.server().clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(COUNTER))
                .build();
        DYNAMO.createIdempotencyTable(TABLE);
        store = DynamoDbPersistenceStore.builder().tableName(TABLE).dynamoDbClient(client).build();
        serverReturnsOldItem = ServerTraits.returnsOldItemOnConditionFailure(DYNAMO.client(), TABLE);
        duplicateRequests = serverReturnsOldItem ? Map.of("PutItem", 1) : Map.of("GetItem", 1, "PutItem", 1);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void resetCounter() {
        COUNTER.reset();
    }

    private IdempotencyConfig.Builder config() {
        return IdempotencyConfig.builder().persistenceStore(store).functionName("orders").clock(clock)
                .executionEnvironment(ExecutionEnvironment.create(Environment.of(Map.of())));
    }

    private Receipt charge(String orderId, int amount) {
        return new Receipt(orderId, amount, executions.incrementAndGet());
    }

    private Map<String, AttributeValue> rawItem(String key) {
        return client.getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(key))).consistentRead(true))
                .item();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void firstCallStoresWithTwoRequestsAndADuplicateReplaysTheStoredResponse() throws Exception {
        Idempotency idempotency = Idempotency.of(config().eventKeyJmesPath("orderId").build());
        Map<String, Object> event = Map.of("orderId", "o-1", "amount", 42);

        Receipt first = idempotency.call("charge", event, Receipt.class, () -> charge("o-1", 42));
        assertThat(COUNTER.snapshot()).isEqualTo(Map.of("PutItem", 1, "UpdateItem", 1));

        COUNTER.reset();
        Receipt duplicate = idempotency.call("charge", event, Receipt.class, () -> charge("o-1", 42));
        assertThat(COUNTER.snapshot()).isEqualTo(duplicateRequests);
        assertThat(duplicate).isEqualTo(first);
        assertThat(executions).hasValue(1);

        String key = "orders.charge#" + sha256("o-1");
        Map<String, AttributeValue> item = rawItem(key);
        assertThat(item.get("status").s()).isEqualTo("COMPLETED");
        assertThat(Json.parse(item.get("data").s()).toString()).isEqualTo(Json.toTree(first).toString());
        long expiration = Long.parseLong(item.get("expiration").n());
        assertThat(expiration).isBetween(clock.millis() / 1000 + 3590, clock.millis() / 1000 + 3601);
        assertThat(Long.parseLong(item.get("in_progress_expiration").n())).isGreaterThan(clock.millis());
        assertThat(item).doesNotContainKey("validation");
    }

    @Test
    void aDuplicateCostsOneRequestWhenTheServerReturnsTheBlockingItem() {
        // Fault injection: the condition failure carries the stored item, as DynamoDB's does.
        try (DynamoDbClient likeDynamoDb = DYNAMO.server().clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(COUNTER)
                        .addExecutionInterceptor(new OldItemOnConditionFailure(DYNAMO.client())))
                .build()) {
            DynamoDbPersistenceStore oneRequestStore = DynamoDbPersistenceStore.builder().tableName(TABLE)
                    .dynamoDbClient(likeDynamoDb).build();
            Idempotency idempotency = Idempotency.of(config().persistenceStore(oneRequestStore).build());
            Receipt first = idempotency.call("one-request", "order-1r", Receipt.class, () -> charge("1r", 1));

            COUNTER.reset();
            Receipt duplicate = idempotency.call("one-request", "order-1r", Receipt.class, () -> charge("1r", 1));

            assertThat(COUNTER.snapshot()).isEqualTo(Map.of("PutItem", 1));
            assertThat(duplicate).isEqualTo(first);
            assertThat(executions).hasValue(1);
        }
    }

    @Test
    void aDuplicateOnAServerWithoutTheBlockingItemReadsItWithOneConsistentGet() {
        assumeFalse(serverReturnsOldItem, "this server returns the item with the condition failure");
        List<Boolean> consistentReads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DynamoDbClient recording = DYNAMO.server().clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(COUNTER)
                        .addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution c,
                                    software.amazon.awssdk.core.interceptor.ExecutionAttributes a) {
                                if (c.request() instanceof GetItemRequest) {
                                    consistentReads.add(((GetItemRequest) c.request()).consistentRead());
                                }
                            }
                        }))
                .build()) {
            DynamoDbPersistenceStore readingStore = DynamoDbPersistenceStore.builder().tableName(TABLE)
                    .dynamoDbClient(recording).build();
            Idempotency idempotency = Idempotency.of(config().persistenceStore(readingStore).build());
            Receipt first = idempotency.call("two-requests", "order-2r", Receipt.class, () -> charge("2r", 1));

            COUNTER.reset();
            Receipt duplicate = idempotency.call("two-requests", "order-2r", Receipt.class, () -> charge("2r", 1));

            assertThat(COUNTER.snapshot()).isEqualTo(Map.of("PutItem", 1, "GetItem", 1));
            assertThat(consistentReads).containsExactly(true);
            assertThat(duplicate).isEqualTo(first);
            assertThat(executions).hasValue(1);
        }
    }

    @Test
    void cachedDuplicateMakesNoRequest() {
        Idempotency idempotency = Idempotency.of(config().localCache(100).build());
        Receipt first = idempotency.call("cached", "order-c", Receipt.class, () -> charge("c", 1));
        COUNTER.reset();
        Receipt duplicate = idempotency.call("cached", "order-c", Receipt.class, () -> charge("c", 1));
        assertThat(COUNTER.total()).isZero();
        assertThat(duplicate).isEqualTo(first);
        assertThat(idempotency.localCacheSize()).isEqualTo(1);
    }

    @Test
    void exceptionDeletesRecordAndIsRethrownUnchanged() {
        Idempotency idempotency = Idempotency.of(config().build());
        IllegalStateException boom = new IllegalStateException("card declined");
        assertThatThrownBy(() -> idempotency.call("fails", "order-f", Receipt.class, () -> {
            executions.incrementAndGet();
            throw boom;
        })).isSameAs(boom);
        assertThat(boom.getSuppressed()).isEmpty();
        assertThat(store.get("orders.fails#order-f")).isEmpty();
        assertThat(rawItemCount("orders.fails#")).isZero();

        // A retry runs again and succeeds.
        Receipt retried = idempotency.call("fails", "order-f", Receipt.class, () -> charge("f", 2));
        assertThat(retried.executionNumber()).isEqualTo(2);
    }

    private long rawItemCount(String prefix) {
        return client.scan(b -> b.tableName(TABLE)).items().stream()
                .filter(i -> i.get("id").s().startsWith(prefix)).count();
    }

    @Test
    void expiredRecordRunsAgain() {
        Idempotency idempotency = Idempotency.of(config().expiration(Duration.ofSeconds(10))
                .inProgressTimeout(Duration.ofSeconds(5)).build());
        Receipt first = idempotency.call("exp", "order-e", Receipt.class, () -> charge("e", 1));
        clock.advance(Duration.ofSeconds(12));
        Receipt second = idempotency.call("exp", "order-e", Receipt.class, () -> charge("e", 1));
        assertThat(first.executionNumber()).isEqualTo(1);
        assertThat(second.executionNumber()).isEqualTo(2);
    }

    @Test
    void duplicateWhileInProgressFailsFastWithoutRunning() {
        Idempotency idempotency = Idempotency.of(config().build());
        String key = "orders.busy#" + sha256Unchecked("order-b");
        long now = clock.millis();
        store.claim(IdempotencyRecord.inProgress(key, now / 1000 + 3600, now + 60_000, null), now);

        assertThatThrownBy(() -> idempotency.call("busy", "order-b", Receipt.class, () -> charge("b", 1)))
                .isInstanceOf(IdempotencyAlreadyInProgressException.class)
                .hasMessageContaining(key);
        assertThat(executions).hasValue(0);
    }

    @Test
    void abandonedInProgressRecordIsTakenOverAfterItsInProgressExpiry() {
        Idempotency idempotency = Idempotency.of(config().build());
        String key = "orders.crashed#" + sha256Unchecked("order-x");
        long now = clock.millis();
        // An invocation that died: its in-progress expiry is over, its record expiration is not.
        store.claim(IdempotencyRecord.inProgress(key, now / 1000 + 3600, now - 1, null), now - 1000);

        Receipt receipt = idempotency.call("crashed", "order-x", Receipt.class, () -> charge("x", 1));
        assertThat(receipt.executionNumber()).isEqualTo(1);
        assertThat(store.get(key)).get().extracting(IdempotencyRecord::status).isEqualTo(IdempotencyStatus.COMPLETED);
    }

    @Test
    void aBodyRunningIntoItsLastSecondIsNeverRunTwice() {
        // Issue 16: 3 s timeout, a body of 2.5 s, a duplicate at 2.1 s. The old 1 s deadline margin
        // released the record at 2.0 s and the duplicate ran the body a second time, concurrently.
        MutableClock frozen = MutableClock.frozen(); // the test's own speed must not move the deadline
        ExecutionEnvironment env = ExecutionEnvironment.create(Environment.of(Map.of()));
        Idempotency idempotency = Idempotency.of(config().clock(frozen).executionEnvironment(env).build());
        String key = "orders.slow#" + sha256Unchecked("order-s");
        FakeContext threeSeconds = FakeContext.builder().functionName("orders").remainingTimeInMillis(3000).build();
        long claimedAt = frozen.millis();
        Receipt first = idempotency.handler("slow", Receipt.class, (String event, com.amazonaws.services.lambda.runtime.Context c) -> {
            Receipt mine = charge("first", 1);
            assertThat(store.get(key).orElseThrow().inProgressExpirationEpochMillis())
                    .as("held until the deadline, never before").isBetween(claimedAt + 3000, frozen.millis() + 3000);
            frozen.advance(Duration.ofMillis(2100));
            // Another invocation delivers the same event while this body is in its last second.
            assertThatThrownBy(() -> idempotency.handler("slow", Receipt.class,
                    (String e, com.amazonaws.services.lambda.runtime.Context c2) -> charge("duplicate", 2))
                    .handleRequest("order-s", FakeContext.builder().functionName("orders").build()))
                    .isInstanceOf(IdempotencyAlreadyInProgressException.class);
            frozen.advance(Duration.ofMillis(400));
            return mine;
        }).handleRequest("order-s", threeSeconds);

        assertThat(executions).hasValue(1);
        Receipt replay = idempotency.call("slow", "order-s", Receipt.class, () -> charge("never", 0));
        assertThat(replay).isEqualTo(first);
        assertThat(executions).hasValue(1);
    }

    @Test
    void anInvocationThatDiedFreesItsKeyRightAfterItsDeadline() {
        MutableClock frozen = MutableClock.frozen(); // the test's own speed must not move the deadline
        ExecutionEnvironment env = ExecutionEnvironment.create(Environment.of(Map.of()));
        Idempotency idempotency = Idempotency.of(config().clock(frozen).executionEnvironment(env).build());
        String key = "orders.died#" + sha256Unchecked("order-d");
        long now = frozen.millis();
        // What an invocation with 3 s left wrote before its environment was killed mid-body.
        store.claim(IdempotencyRecord.inProgress(key, now / 1000 + 3600, now + 3000, null), now);

        frozen.advance(Duration.ofMillis(2900));
        assertThatThrownBy(() -> idempotency.call("died", "order-d", Receipt.class, () -> charge("early", 1)))
                .isInstanceOf(IdempotencyAlreadyInProgressException.class);
        frozen.advance(Duration.ofMillis(200));
        assertThat(idempotency.call("died", "order-d", Receipt.class, () -> charge("retry", 1)).orderId())
                .isEqualTo("retry");
        assertThat(executions).hasValue(1);
    }

    @Test
    void anExpiredExpirationNeverFreesAnInProgressRecord() {
        Idempotency idempotency = Idempotency.of(config().build());
        String key = "orders.running#" + sha256Unchecked("order-r");
        long now = clock.millis();
        // Its expiration passed long ago, but its body may still run until its in-progress expiry.
        store.claim(IdempotencyRecord.inProgress(key, now / 1000 - 600, now + 60_000, null), now - 700_000);

        assertThatThrownBy(() -> idempotency.call("running", "order-r", Receipt.class, () -> charge("r", 1)))
                .isInstanceOf(IdempotencyAlreadyInProgressException.class);
        assertThat(executions).hasValue(0);
        assertThat(store.get(key)).get().extracting(IdempotencyRecord::status).isEqualTo(IdempotencyStatus.INPROGRESS);
    }

    @Test
    void anInProgressRecordsTtlNeverEndsBeforeItsInProgressExpiry() {
        ExecutionEnvironment env = ExecutionEnvironment.create(Environment.of(Map.of()));
        // expiration 60 s, but the function may run 300 s: DynamoDB's TTL must not delete the running record.
        Idempotency idempotency = Idempotency.of(config().executionEnvironment(env).expiration(Duration.ofSeconds(60))
                .inProgressTimeout(Duration.ofSeconds(60)).build());
        String key = "orders.long#" + sha256Unchecked("order-long");
        FakeContext fiveMinutes = FakeContext.builder().functionName("orders").remainingTimeInMillis(300_000).build();
        idempotency.handler("long", Receipt.class, (String event, com.amazonaws.services.lambda.runtime.Context c) -> {
            Map<String, AttributeValue> item = rawItem(key);
            long inProgressExpiry = Long.parseLong(item.get("in_progress_expiration").n());
            assertThat(inProgressExpiry).isGreaterThanOrEqualTo(clock.millis() + 299_000);
            assertThat(Long.parseLong(item.get("expiration").n()) * 1000).isGreaterThan(inProgressExpiry);
            return charge("long", 1);
        }).handleRequest("order-long", fiveMinutes);
        assertThat(executions).hasValue(1);
        long completedExpiration = Long.parseLong(rawItem(key).get("expiration").n());
        assertThat(completedExpiration).isBetween(clock.millis() / 1000 + 59, clock.millis() / 1000 + 61);
    }

    @Test
    void boundedWaitReturnsTheFirstInvocationsResult() throws Exception {
        Idempotency waiting = Idempotency.of(config()
                .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofSeconds(20))
                        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)))
                .build());
        CountDownLatch release = new CountDownLatch(1);
        // Two threads of our own: the common pool may have a single worker on a 2-core machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Receipt> first = CompletableFuture.supplyAsync(() ->
                    waiting.call("wait", "order-w", Receipt.class, () -> {
                        await(release);
                        return charge("w", 7);
                    }), threads);
            pollUntil(() -> COUNTER.count("PutItem") == 1);
            CompletableFuture<Receipt> duplicate = CompletableFuture.supplyAsync(() ->
                    waiting.call("wait", "order-w", Receipt.class, () -> charge("dup", 0)), threads);
            // The duplicate is polling the in-progress record (beyond the read of its refused claim, if any).
            pollUntil(() -> COUNTER.count("GetItem") >= duplicateRequests.getOrDefault("GetItem", 0) + 1);
            release.countDown();

            assertThat(duplicate.get(20, TimeUnit.SECONDS)).isEqualTo(first.get(20, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertThat(executions).hasValue(1);
    }

    @Test
    void boundedWaitGivesUpWithInProgressException() {
        Idempotency waiting = Idempotency.of(config()
                .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofMillis(200))
                        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(50)))
                .build());
        String key = "orders.stuck#" + sha256Unchecked("order-z");
        long now = clock.millis();
        store.claim(IdempotencyRecord.inProgress(key, now / 1000 + 3600, now + 60_000, null), now);
        assertThatThrownBy(() -> waiting.call("stuck", "order-z", Receipt.class, () -> charge("z", 1)))
                .isInstanceOf(IdempotencyAlreadyInProgressException.class);
        assertThat(executions).hasValue(0);
        assertThat(COUNTER.count("GetItem")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tenantsNeverShareRecordsOrResponses() {
        ExecutionEnvironment env = ExecutionEnvironment.create(Environment.of(Map.of()));
        Idempotency idempotency = Idempotency.of(config().executionEnvironment(env).build());
        var handler = idempotency.handler(Receipt.class,
                (Map<String, Object> event, com.amazonaws.services.lambda.runtime.Context c) ->
                        charge(c.getTenantId(), executions.get()));
        Map<String, Object> samePayload = Map.of("orderId", "shared");
        Receipt a = handler.handleRequest(samePayload, FakeContext.builder().functionName("orders").tenantId("tenant-a").build());
        Receipt b = handler.handleRequest(samePayload, FakeContext.builder().functionName("orders").tenantId("tenant-b").build());
        Receipt aAgain = handler.handleRequest(samePayload, FakeContext.builder().functionName("orders").tenantId("tenant-a").build());
        Receipt hashy = handler.handleRequest(samePayload, FakeContext.builder().functionName("orders").tenantId("a#b%").build());

        assertThat(a.orderId()).isEqualTo("tenant-a");
        assertThat(b.orderId()).isEqualTo("tenant-b");
        assertThat(aAgain).isEqualTo(a);
        assertThat(hashy.orderId()).isEqualTo("a#b%");
        assertThat(executions).hasValue(3);
        assertThat(rawItemCount("orders.handleRequest#tenant:tenant-a#")).isEqualTo(1);
        assertThat(rawItemCount("orders.handleRequest#tenant:tenant-b#")).isEqualTo(1);
        assertThat(rawItemCount("orders.handleRequest#tenant:a%23b%25#")).isEqualTo(1);
    }

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheKey() {
        Idempotency idempotency = Idempotency.of(config().eventKeyJmesPath("powertools_json(body)").build());
        Map<String, Object> compact = Map.of("body", "{\"user\":\"u1\",\"cart\":{\"items\":[1,2],\"total\":3}}");
        Map<String, Object> reordered = Map.of("body", "{ \"cart\" : { \"total\": 3, \"items\" : [ 1, 2 ] },\n  \"user\": \"u1\" }");
        Receipt first = idempotency.call("canon", compact, Receipt.class, () -> charge("c", 3));
        Receipt second = idempotency.call("canon", reordered, Receipt.class, () -> charge("c", 3));
        assertThat(second).isEqualTo(first);
        assertThat(executions).hasValue(1);
        Map<String, Object> different = Map.of("body", "{\"user\":\"u1\",\"cart\":{\"items\":[2,1],\"total\":3}}");
        idempotency.call("canon", different, Receipt.class, () -> charge("c", 3));
        assertThat(executions).hasValue(2);
    }

    @Test
    void aStringThatSpellsAnotherValueNeverGetsThatValuesResponse() {
        // Issue 16: scalars were hashed as their text, so "123" replayed 123's record, and a string
        // spelling an object's canonical JSON replayed that object's response (another customer's token).
        Idempotency idempotency = Idempotency.of(config().eventKeyJmesPath("key").build());
        Receipt forObject = idempotency.call("token", Map.of("key", Map.of("customer", "alice")), Receipt.class,
                () -> charge("alice-token", 1));
        Receipt forString = idempotency.call("token", Map.of("key", "{\"customer\":\"alice\"}"), Receipt.class,
                () -> charge("mallory-token", 1));
        Receipt forNumber = idempotency.call("token", Map.of("key", 123), Receipt.class, () -> charge("n", 1));
        Receipt forNumberText = idempotency.call("token", Map.of("key", "123"), Receipt.class, () -> charge("s", 1));
        Receipt forDecimal = idempotency.call("token", Map.of("key", 123.0), Receipt.class, () -> charge("d", 1));

        assertThat(forString.orderId()).isEqualTo("mallory-token").isNotEqualTo(forObject.orderId());
        assertThat(forNumberText.orderId()).isEqualTo("s");
        assertThat(forDecimal.orderId()).isEqualTo("d");
        assertThat(executions).hasValue(5);
        assertThat(forNumber.orderId()).isEqualTo("n");
    }

    @Test
    void md5KeysMatchPowertoolsJavaForScalarKeys() throws Exception {
        Idempotency idempotency = Idempotency.of(config().hashAlgorithm(HashAlgorithm.MD5).eventKeyJmesPath("id").build());
        idempotency.call("md5", Map.of("id", "abc-123"), Receipt.class, () -> charge("m", 1));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("abc-123".getBytes(StandardCharsets.UTF_8)));
        assertThat(rawItem("orders.md5#" + md5)).containsKey("status");
    }

    @Test
    void missingKeyWarnsAndRunsWithoutIdempotencyOrRaisesWhenConfigured() {
        Idempotency lenient = Idempotency.of(config().eventKeyJmesPath("[orderId, customerId]").build());
        lenient.call("nokey", Map.of("other", 1), Receipt.class, () -> charge("n", 1));
        lenient.call("nokey", Map.of("other", 1), Receipt.class, () -> charge("n", 1));
        assertThat(executions).hasValue(2);
        assertThat(COUNTER.total()).isZero();

        Idempotency strict = Idempotency.of(config().eventKeyJmesPath("orderId").throwOnNoIdempotencyKey(true).build());
        assertThatThrownBy(() -> strict.call("nokey", Map.of("other", 1), Receipt.class, () -> charge("n", 1)))
                .isInstanceOf(IdempotencyKeyException.class).hasMessageContaining("orderId");
        assertThat(executions).hasValue(2);
    }

    @Test
    void aPayloadTheKeyCannotBeDerivedFromRaisesAndNeverRunsUnprotected() {
        Idempotency idempotency = Idempotency.of(config().eventKeyJmesPath("powertools_json(body).orderId").build());
        assertThatThrownBy(() -> idempotency.call("bad", Map.of("body", 42), Receipt.class, () -> charge("b", 1)))
                .isInstanceOf(IdempotencyKeyException.class)
                .hasMessageContaining("Cannot derive the idempotency key of 'bad'")
                .hasMessageContaining("powertools_json(body).orderId");

        Map<String, Object> selfReferencing = new java.util.HashMap<>();
        selfReferencing.put("self", selfReferencing);
        Idempotency whole = Idempotency.of(config().build());
        assertThatThrownBy(() -> whole.call("cyclic", selfReferencing, Receipt.class, () -> charge("c", 1)))
                .isInstanceOf(IdempotencyKeyException.class);
        assertThat(executions).hasValue(0);
        assertThat(COUNTER.total()).isZero();
    }

    @Test
    void payloadValidationMismatchRaises() {
        Idempotency idempotency = Idempotency.of(config().eventKeyJmesPath("orderId")
                .payloadValidationJmesPath("amount").build());
        idempotency.call("validated", Map.of("orderId", "v1", "amount", 10), Receipt.class, () -> charge("v1", 10));
        String key = "orders.validated#" + sha256Unchecked("v1");
        // The amount is a number: hashed type-exactly, as 0xFF followed by its canonical JSON.
        assertThat(rawItem(key).get("validation").s()).isEqualTo(typedSha256("10"));

        assertThatThrownBy(() -> idempotency.call("validated", Map.of("orderId", "v1", "amount", 99), Receipt.class,
                () -> charge("v1", 99)))
                .isInstanceOf(IdempotencyValidationException.class).hasMessageContaining(key);
        assertThat(executions).hasValue(1);
        // Same amount: a normal replay.
        assertThat(idempotency.call("validated", Map.of("orderId", "v1", "amount", 10), Receipt.class,
                () -> charge("v1", 10)).executionNumber()).isEqualTo(1);
    }

    @Test
    void genericResponseTypesRoundTrip() {
        Idempotency idempotency = Idempotency.of(config().build());
        TypeReference<List<Receipt>> type = new TypeReference<>() { };
        List<Receipt> first = idempotency.call("list", "order-l", type, () -> List.of(charge("l", 1), charge("l", 2)));
        List<Receipt> replay = idempotency.call("list", "order-l", type, () -> List.of(charge("never", 0)));
        assertThat(replay).isEqualTo(first).allSatisfy(r -> assertThat(r).isInstanceOf(Receipt.class));

        Function<String, Map<String, Receipt>> fn = idempotency.function("map",
                new TypeReference<Map<String, Receipt>>() { }, id -> Map.of(id, charge(id, 5)));
        assertThat(fn.apply("k1")).isEqualTo(fn.apply("k1"));
        assertThat(executions).hasValue(3);
    }

    /** Text that gzip cannot shrink much: random bytes, Base64-encoded. */
    static String incompressible(int chars) {
        byte[] random = new byte[chars];
        new java.util.Random(chars).nextBytes(random);
        return java.util.Base64.getEncoder().encodeToString(random).substring(0, chars);
    }

    @Test
    void aResponseTooLargeEvenCompressedIsReturnedOnceAndNeverReExecuted() {
        Idempotency idempotency = Idempotency.of(config().build());
        String huge = incompressible(600 * 1024);
        String key = "orders.huge#" + sha256Unchecked("order-h");

        String first = idempotency.call("huge", "order-h", String.class, () -> {
            executions.incrementAndGet();
            return huge;
        });

        assertThat(first).isEqualTo(huge);
        Map<String, AttributeValue> item = rawItem(key);
        assertThat(item.get("status").s()).isEqualTo("COMPLETED");
        assertThat(item.get("data").s()).startsWith("~omitted:").hasSizeLessThan(1024);
        assertThatThrownBy(() -> idempotency.call("huge", "order-h", String.class, () -> {
            executions.incrementAndGet();
            return "second run";
        }))
                .isInstanceOf(IdempotencyResponseNotStoredException.class)
                .hasMessageContaining(key).hasMessageContaining("bytes").hasMessageContaining("400 KB");
        assertThat(executions).hasValue(1);
    }

    @Test
    void largeCompressibleResponsesAreStoredGzippedAndReplayedByEveryReadPath() {
        Idempotency idempotency = Idempotency.of(config().build());
        // 137,000 characters but 411,000 bytes: over the item limit uncompressed, a few KB gzipped.
        String euros = "\u20ac".repeat(137_000);
        String key = "orders.euros#" + sha256Unchecked("order-eur");
        assertThat(idempotency.call("euros", "order-eur", String.class, () -> euros)).isEqualTo(euros);

        String stored = rawItem(key).get("data").s();
        assertThat(stored).startsWith("~gzip:").hasSizeLessThan(20_000);
        // The refused claim's read path, and the consistent read a waiting duplicate uses.
        assertThat(idempotency.call("euros", "order-eur", String.class, () -> "never")).isEqualTo(euros);
        assertThat(store.get(key).orElseThrow().data()).isEqualTo(Json.toTree(euros).toString());
        // A small response stays plain JSON (readable by tools and older versions).
        idempotency.call("euros", "order-small", String.class, () -> "small");
        assertThat(rawItem("orders.euros#" + sha256Unchecked("order-small")).get("data").s()).isEqualTo("\"small\"");
    }

    @Test
    void responseSizeIsMeasuredInUtf8Bytes() {
        DynamoDbPersistenceStore uncompressed = DynamoDbPersistenceStore.builder().tableName(TABLE)
                .dynamoDbClient(client).compressAbove(Integer.MAX_VALUE).build();
        Idempotency idempotency = Idempotency.of(config().persistenceStore(uncompressed).build());
        // 137,000 characters but 411,000 bytes: over the limit only when counted as DynamoDB does.
        String euros = "\u20ac".repeat(137_000);
        assertThat(idempotency.call("utf8", "order-u", String.class, () -> euros)).isEqualTo(euros);
        assertThat(COUNTER.count("UpdateItem")).as("the oversized write is refused before sending; the marker is sent")
                .isEqualTo(1);
        assertThat(rawItem("orders.utf8#" + sha256Unchecked("order-u")).get("data").s()).startsWith("~omitted:");

        // Half of it fits, uncompressed, and comes back intact.
        String half = "\u20ac".repeat(68_500);
        assertThat(idempotency.call("utf8", "order-u2", String.class, () -> half)).isEqualTo(half);
        assertThat(idempotency.call("utf8", "order-u2", String.class, () -> "never")).isEqualTo(half);
        assertThat(rawItem("orders.utf8#" + sha256Unchecked("order-u2")).get("data").s()).startsWith("\"\u20ac");
    }

    @Test
    void throttledStoreRaisesPersistenceExceptionAndDoesNotRun() {
        // dynalite cannot throttle: wrap the real client and fail PutItem only.
        ProvisionedThroughputExceededException throttle = ProvisionedThroughputExceededException.builder()
                .message("Rate exceeded").build();
        DynamoDbClient throttled = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("putItem")) {
                        throw throttle;
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DynamoDbPersistenceStore throttledStore = DynamoDbPersistenceStore.builder().tableName(TABLE)
                .dynamoDbClient(throttled).build();
        Idempotency idempotency = Idempotency.of(config().persistenceStore(throttledStore).build());

        assertThatThrownBy(() -> idempotency.call("throttled", "order-t", Receipt.class, () -> charge("t", 1)))
                .isInstanceOf(IdempotencyPersistenceException.class)
                .hasCause(throttle)
                .hasMessageContaining("orders.throttled#").hasMessageContaining(TABLE);
        assertThat(executions).hasValue(0);
    }

    @Test
    void corruptRecordRaisesNamingTheKey() {
        Idempotency idempotency = Idempotency.of(config().build());
        String key = "orders.corrupt#" + sha256Unchecked("order-k");
        client.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(key),
                "status", AttributeValue.fromS("BOGUS"),
                "expiration", AttributeValue.fromN(Long.toString(clock.millis() / 1000 + 3600)))));
        assertThatThrownBy(() -> idempotency.call("corrupt", "order-k", Receipt.class, () -> charge("k", 1)))
                .isInstanceOf(IdempotencyPersistenceException.class).hasMessageContaining(key);
        assertThat(executions).hasValue(0);

        client.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(key),
                "status", AttributeValue.fromS("COMPLETED"), "data", AttributeValue.fromS("{not json"),
                "expiration", AttributeValue.fromN(Long.toString(clock.millis() / 1000 + 3600)))));
        assertThatThrownBy(() -> idempotency.call("corrupt", "order-k", Receipt.class, () -> charge("k", 1)))
                .isInstanceOf(IdempotencyPersistenceException.class).hasMessageContaining(key);
    }

    @Test
    void partitionAndSortKeyLayoutWorks() {
        String skTable = "idempotency-sk";
        DYNAMO.createTable(skTable, "pk", "sk");
        DynamoDbPersistenceStore skStore = DynamoDbPersistenceStore.builder().tableName(skTable).dynamoDbClient(client)
                .keyAttr("pk").sortKeyAttr("sk").staticPartitionKeyValue("idempotency#orders").build();
        Idempotency idempotency = Idempotency.of(config().persistenceStore(skStore).build());
        Receipt first = idempotency.call("sk", "order-1", Receipt.class, () -> charge("1", 1));
        COUNTER.reset();
        assertThat(idempotency.call("sk", "order-1", Receipt.class, () -> charge("1", 1))).isEqualTo(first);
        assertThat(COUNTER.snapshot()).isEqualTo(duplicateRequests);
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(skTable).key(Map.of(
                "pk", AttributeValue.fromS("idempotency#orders"),
                "sk", AttributeValue.fromS("orders.sk#" + sha256Unchecked("order-1"))))).item();
        assertThat(item.get("status").s()).isEqualTo("COMPLETED");
    }

    @Test
    void primingInvocationsAndDisabledUtilityWriteNothing() {
        ExecutionEnvironment env = ExecutionEnvironment.create(Environment.of(Map.of()));
        Idempotency idempotency = Idempotency.of(config().executionEnvironment(env).build());
        try (Invocation.Scope scope = env.openPriming("order-p", FakeContext.create())) {
            idempotency.call("priming", "order-p", Receipt.class, () -> charge("p", 1));
        }
        ExecutionEnvironment disabledEnv = ExecutionEnvironment.create(Environment.of(
                Map.of(IdempotencyConfig.DISABLED_VARIABLE, "true")));
        Idempotency disabled = Idempotency.of(config().executionEnvironment(disabledEnv).build());
        disabled.call("priming", "order-p", Receipt.class, () -> charge("p", 1));
        disabled.call("priming", "order-p", Receipt.class, () -> charge("p", 1));
        assertThat(executions).hasValue(3);
        assertThat(COUNTER.total()).isZero();
    }

    static String typedSha256(String canonicalJson) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 0xFF);
            return HexFormat.of().formatHex(digest.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Unchecked(String text) {
        try {
            return sha256(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pollUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
