package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.testing.DynamoDbTestServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Many threads racing on the same keys against a DynamoDB server (dynalite): the protected code runs exactly once per key. */
class ConcurrencyTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final int THREADS = 64;
    private static final String TABLE = "idempotency";
    private static DynamoDbClient client;
    private static DynamoDbPersistenceStore store;
    private static ExecutorService pool;

    @BeforeAll
    static void setUp() {
        client = DYNAMO.client();
        DYNAMO.createIdempotencyTable(TABLE);
        store = DynamoDbPersistenceStore.builder().tableName(TABLE).dynamoDbClient(client).build();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    private static IdempotencyConfig.Builder config() {
        return IdempotencyConfig.builder().persistenceStore(store).functionName("race")
                .executionEnvironment(ExecutionEnvironment.create(Environment.of(Map.of())));
    }

    /** Runs the task on every thread at once, {@code attempts} times each; returns every outcome. */
    private static List<Object> race(int attempts, java.util.function.IntFunction<Object> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Object>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<Object> outcomes = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    try {
                        outcomes.add(task.apply(thread * attempts + i));
                    } catch (IdempotencyAlreadyInProgressException e) {
                        outcomes.add(e);
                    }
                }
                return outcomes;
            }));
        }
        start.countDown();
        List<Object> all = new ArrayList<>();
        for (Future<List<Object>> f : futures) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        return all;
    }

    @Test
    void sixtyFourThreadsOnOneKeyExecuteOnce() throws Exception {
        Idempotency idempotency = Idempotency.of(config().build());
        AtomicInteger executions = new AtomicInteger();
        List<Object> outcomes = race(3, i -> idempotency.call("same", "order-1", Receipt.class,
                () -> new Receipt("order-1", 1, executions.incrementAndGet())));

        assertThat(executions).hasValue(1);
        Receipt only = new Receipt("order-1", 1, 1);
        assertThat(outcomes).hasSize(THREADS * 3)
                .allSatisfy(o -> assertThat(o).satisfiesAnyOf(
                        r -> assertThat(r).isEqualTo(only),
                        r -> assertThat(r).isInstanceOf(IdempotencyAlreadyInProgressException.class)));
        assertThat(outcomes).contains(only);
    }

    @Test
    void mixedKeysExecuteOncePerKey() throws Exception {
        Idempotency idempotency = Idempotency.of(config().build());
        ConcurrentHashMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<Object> outcomes = race(4, i -> {
            String order = "mixed-" + (i % 16);
            return idempotency.call("mixed", order, Receipt.class,
                    () -> new Receipt(order, 1, runs.computeIfAbsent(order, k -> new AtomicInteger()).incrementAndGet()));
        });
        assertThat(runs).hasSize(16);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(outcomes).filteredOn(Receipt.class::isInstance)
                .allSatisfy(o -> assertThat(((Receipt) o).executionNumber()).isEqualTo(1));
    }

    @Test
    void differentlyNamedFunctionsWithTheSamePayloadNeverShareRecords() throws Exception {
        Idempotency idempotency = Idempotency.configure(config().localCache(8).build());
        AtomicInteger alphaRuns = new AtomicInteger();
        Function<Map<String, Object>, Receipt> alpha = idempotency.function("alpha", Receipt.class,
                order -> new Receipt("alpha:" + order.get("orderId"), 1, alphaRuns.incrementAndGet()));
        AnnotatedServices.Payments beta = new AnnotatedServices.Payments();
        AnnotatedServices.METHOD_RUNS.set(0);

        List<Object> outcomes = race(4, i -> {
            Map<String, Object> order = Map.of("orderId", "o-" + ((i / 2) % 12));
            return i % 2 == 0 ? alpha.apply(order) : beta.charge("x", order);
        });

        assertThat(alphaRuns).hasValue(12);
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(12);
        for (Object o : outcomes) {
            if (o instanceof Receipt) {
                Receipt r = (Receipt) o;
                assertThat(r.orderId()).matches("(alpha|beta):o-\\d+(:x)?");
            }
        }
        List<Map<String, AttributeValue>> items = client.scan(b -> b.tableName(TABLE)).items();
        List<String> ids = items.stream().map(i -> i.get("id").s())
                .filter(id -> id.startsWith("race.alpha#") || id.startsWith("function.beta#")
                        || id.startsWith("race.beta#")).toList();
        assertThat(ids).hasSize(24).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("race\\.(alpha|beta)#[0-9a-f]{64}"));
        assertThat(items).filteredOn(i -> ids.contains(i.get("id").s()))
                .allSatisfy(i -> {
                    assertThat(i.get("status").s()).isEqualTo("COMPLETED");
                    String prefix = i.get("id").s().startsWith("race.alpha#") ? "alpha:" : "beta:";
                    assertThat(i.get("data").s()).contains("\"orderId\":\"" + prefix);
                });
        Set<String> cached = engineCacheKeys();
        assertThat(cached.size()).isEqualTo(idempotency.localCacheSize()).isLessThanOrEqualTo(8);
    }

    private static Set<String> engineCacheKeys() throws Exception {
        io.powertools.idempotency.internal.IdempotencyEngine engine = io.powertools.idempotency.internal.DefaultEngine.get();
        return engine.cache().keys();
    }
}
