package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import io.powertools.idempotency.support.CapturedLogs;
import io.powertools.idempotency.support.MutableClock;
import io.powertools.testing.DynamoDbTestServer;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.FakeContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The completing write fails after the protected code ran: it is retried with bounded backoff, and
 * when it cannot be written the caller still gets its result, an ERROR line names the key and the
 * consequence, the hook is told, and the record stays in progress until the invocation's deadline
 * (the one residual window, docs/idempotency.md).
 */
class CompletionFailureTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();
    private static final String TABLE = "completion";

    private final AtomicInteger executions = new AtomicInteger();
    private final MutableClock clock = MutableClock.frozen();
    private final List<CompletionFailure> reported = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createTable() {
        DYNAMO.createIdempotencyTable(TABLE);
    }

    /** The real client, except that UpdateItem calls whose number matches fail as the given exception. */
    private static DynamoDbClient failingUpdates(DynamoDbClient real, IntPredicate fails, RuntimeException failure) {
        AtomicInteger updates = new AtomicInteger();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && fails.test(updates.incrementAndGet())) {
                        throw failure;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private IdempotencyConfig.Builder config(DynamoDbClient client) {
        return IdempotencyConfig.builder().functionName("orders").clock(clock)
                .persistenceStore(DynamoDbPersistenceStore.builder().tableName(TABLE).dynamoDbClient(client).build())
                .executionEnvironment(ExecutionEnvironment.create(Environment.of(Map.of())))
                .completionFailureHook(reported::add);
    }

    private Receipt charge(String order) {
        return new Receipt(order, 1, executions.incrementAndGet());
    }

    @Test
    void updateItemThrottledEveryThirdCallStillCompletesEveryRecord() {
        ProvisionedThroughputExceededException throttle = ProvisionedThroughputExceededException.builder()
                .message("Rate exceeded").build();
        Idempotency idempotency = Idempotency.of(config(failingUpdates(DYNAMO.client(), n -> n % 3 == 0, throttle))
                .build());
        try (CapturedLogs logs = CapturedLogs.capture()) {
            for (int i = 0; i < 30; i++) {
                String order = "throttled-" + i;
                Receipt first = idempotency.call("throttled", order, Receipt.class, () -> charge(order));
                assertThat(idempotency.call("throttled", order, Receipt.class, () -> charge("again"))).isEqualTo(first);
            }
            assertThat(logs.at(Level.ERROR)).isEmpty();
        }
        assertThat(executions).hasValue(30);
        assertThat(reported).isEmpty();
    }

    @Test
    void aStoreThatStaysDownReturnsTheResultLogsAnErrorTellsTheHookAndHoldsTheKeyUntilTheDeadline() {
        SdkClientException down = SdkClientException.create("Unable to execute HTTP request: Connection refused");
        IdempotencyConfig.Builder base = config(failingUpdates(DYNAMO.client(), n -> true, down));
        Idempotency broken = Idempotency.of(base.build());
        Idempotency healthy = Idempotency.of(config(DYNAMO.client()).build());
        FakeContext tenSeconds = FakeContext.builder().functionName("orders").remainingTimeInMillis(10_000).build();
        String key = "orders.down#" + DynamoDbIdempotencyTest.sha256Unchecked("order-down");
        long claimedAt = clock.millis();

        Receipt result;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            result = broken.handler("down", Receipt.class, (String event, Context c) -> charge("first"))
                    .handleRequest("order-down", tenSeconds);

            assertThat(logs.at(Level.ERROR)).singleElement().satisfies(line -> {
                assertThat(line.message()).contains(key).contains("could not be marked COMPLETED after 4 attempt(s)")
                        .contains("stays INPROGRESS until").contains("runs the protected code again")
                        .contains("Connection refused");
                assertThat(line.thrown()).hasCause(down);
            });
        }
        assertThat(result.orderId()).isEqualTo("first");
        assertThat(reported).singleElement().satisfies(failure -> {
            assertThat(failure.idempotencyKey()).isEqualTo(key);
            assertThat(failure.attempts()).isEqualTo(4);
            assertThat(failure.cause()).hasCause(down);
            assertThat(failure.reclaimableAt()).isBetween(Instant.ofEpochMilli(claimedAt + 10_000),
                    Instant.ofEpochMilli(clock.millis() + 10_000));
        });
        IdempotencyRecord record = healthy.config().persistenceStore().get(key).orElseThrow();
        assertThat(record.status()).isEqualTo(IdempotencyStatus.INPROGRESS);

        // Redelivered before the first invocation's deadline: refused, not run again.
        assertThatThrownBy(() -> healthy.call("down", "order-down", Receipt.class, () -> charge("early duplicate")))
                .isInstanceOf(IdempotencyAlreadyInProgressException.class);
        assertThat(executions).hasValue(1);
        // The residual window, as documented: after the deadline the key is free and a duplicate runs again.
        clock.advance(Duration.ofSeconds(11));
        assertThat(healthy.call("down", "order-down", Receipt.class, () -> charge("late duplicate")).orderId())
                .isEqualTo("late duplicate");
        assertThat(executions).hasValue(2);
    }

    @Test
    void aCallThatOutlivesItsDeadlineAndFindsItsRecordTakenOverIsReportedAsAPossibleSecondRun() {
        Idempotency idempotency = Idempotency.of(config(DYNAMO.client()).build());
        FakeContext twoSeconds = FakeContext.builder().functionName("orders").remainingTimeInMillis(2_000).build();
        String key = "orders.outlived#" + DynamoDbIdempotencyTest.sha256Unchecked("order-outlived");
        Receipt first;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            first = idempotency.handler("outlived", Receipt.class, (String event, Context c) -> {
                // Not stopped at its deadline (a thread that outlives the invocation, Managed Instances):
                clock.advance(Duration.ofSeconds(3));
                Receipt retry = idempotency.handler("outlived", Receipt.class, (String e, Context c2) -> charge("retry"))
                        .handleRequest("order-outlived", FakeContext.builder().functionName("orders").build());
                assertThat(retry.orderId()).isEqualTo("retry");
                return charge("late");
            }).handleRequest("order-outlived", twoSeconds);
            assertThat(logs.at(Level.ERROR)).singleElement().satisfies(line -> assertThat(line.message())
                    .contains(key).contains("taken over").contains("may have run twice"));
        }
        assertThat(first.orderId()).isEqualTo("late");
        assertThat(executions).hasValue(2);
        assertThat(reported).singleElement().satisfies(failure -> {
            assertThat(failure.idempotencyKey()).isEqualTo(key);
            assertThat(failure.cause()).hasMessageContaining("taken over");
        });
        assertThat(idempotency.call("outlived", "order-outlived", Receipt.class, () -> charge("never")).orderId())
                .as("the record holds the run that completed it").isEqualTo("retry");
    }

    @Test
    void aHookThatThrowsNeverCostsTheCallerItsResult() {
        SdkClientException down = SdkClientException.create("Connection refused");
        Idempotency idempotency = Idempotency.of(config(failingUpdates(DYNAMO.client(), n -> true, down))
                .completionFailureHook(failure -> {
                    throw new IllegalStateException("alarm system down too");
                }).build());
        try (CapturedLogs logs = CapturedLogs.capture()) {
            assertThat(idempotency.call("hook", "order-hook", Receipt.class, () -> charge("h")).orderId()).isEqualTo("h");
            assertThat(logs.at(Level.WARN)).anySatisfy(line ->
                    assertThat(line.message()).contains("CompletionFailureHook threw").contains("orders.hook#"));
        }
    }

    @Test
    void storeStoppedBetweenClaimAndCompletionKeepsTheBodyFromRunningTwice(@TempDir Path data) {
        try (DynamoDbTestServer server = DynamoDbTestServer.builder().dataDirectory(data).start()) {
            server.createIdempotencyTable(TABLE);
            DynamoDbClient client = server.clientBuilder()
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
                    .build();
            Idempotency idempotency = Idempotency.of(config(client).build());
            FakeContext thirtySeconds = FakeContext.builder().functionName("orders").remainingTimeInMillis(30_000)
                    .build();
            Receipt first = idempotency.handler("stopped", Receipt.class, (String event, Context c) -> {
                Receipt mine = charge("first");
                server.stop(); // the store goes away after the side effect, before the completing write
                return mine;
            }).handleRequest("order-stopped", thirtySeconds);
            assertThat(first.orderId()).isEqualTo("first");
            assertThat(reported).singleElement()
                    .satisfies(failure -> assertThat(failure.idempotencyKey()).startsWith("orders.stopped#"));

            server.restart();
            // Lambda redelivers (or the client retries) while the first invocation's deadline is ahead.
            assertThatThrownBy(() -> idempotency.handler("stopped", Receipt.class, (String event, Context c) ->
                    charge("second")).handleRequest("order-stopped", FakeContext.builder().functionName("orders").build()))
                    .isInstanceOf(IdempotencyAlreadyInProgressException.class);
            assertThat(executions).hasValue(1);
            client.close();
        }
    }
}
