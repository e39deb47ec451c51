package io.powertools.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.idempotency.CompletionFailure;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyAlreadyInProgressException;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.IdempotencyPersistenceException;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.reliability.support.Report;
import io.powertools.testing.DynamoDbTestServer;
import io.powertools.testing.FakeContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Exactly once at scale, checked exactly: many concurrent duplicate calls on dynalite, where two
 * functions and two tenants send the same payloads, with the local cache off and on, some bodies
 * running into the last second before their deadline, the completing {@code UpdateItem} throttled,
 * and the store restarted in the middle of a wave. Every caller's result is compared with the
 * result its own function, tenant and key produced.
 *
 * <p>Asserted: no body runs twice, except for a key the library reported through its
 * {@code CompletionFailureHook} (the documented residual window); no caller ever gets a result of
 * another function, tenant or key; every caller of a key that ran once got that run's result; after
 * redelivery every key has run. CI size by default; the full size is
 * {@code -Dtest=ExactlyOnceAtScaleTest -DexactlyOnce.keys=200 -DexactlyOnce.threads=64}.
 */
class ExactlyOnceAtScaleTest {

    private static final int KEYS = Integer.getInteger("exactlyOnce.keys", 16);
    private static final int THREADS = Integer.getInteger("exactlyOnce.threads", 16);
    private static final int COPIES = Integer.getInteger("exactlyOnce.copies", 3);
    private static final long SEED = Long.getLong("exactlyOnce.seed", 20261208L);
    private static final List<String> FUNCTIONS = List.of("fn-a", "fn-b");
    private static final List<String> TENANTS = List.of("tenant-1", "tenant-2");
    private static final String TABLE = "exactly-once";
    /** Every this many keys, the body runs until 600 ms before its 2 s deadline. */
    private static final int LAST_SECOND_EVERY = 8;
    /** Redeliveries of what failed, a second apart, as Lambda retries. */
    private static final int REDELIVERY_ROUNDS = 30;

    @TempDir
    static Path data;
    private static DynamoDbTestServer server;
    private static DynamoDbClient client;
    private static ExecutorService pool;

    /** One key of one function and tenant: what its callers must get back. */
    private record Identity(String function, String tenant, String key, boolean lastSecond) {
        String text() {
            return function + "|" + tenant + "|" + key;
        }
    }

    /** What happened in one wave. */
    private static final class Wave {
        final Map<Identity, AtomicInteger> executions = new ConcurrentHashMap<>();
        final Map<Identity, Set<String>> results = new ConcurrentHashMap<>();
        final List<String> foreign = new CopyOnWriteArrayList<>();
        final Set<String> windows = ConcurrentHashMap.newKeySet();
        final Set<Identity> overran = ConcurrentHashMap.newKeySet();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inProgress = new AtomicInteger();
        final AtomicInteger storeErrors = new AtomicInteger();
        final AtomicInteger redeliveries = new AtomicInteger();
        /** When each body ran, for the message of a failed assertion. */
        final Map<Identity, List<String>> runs = new ConcurrentHashMap<>();
        final long started = System.currentTimeMillis();
        final List<String> events = new CopyOnWriteArrayList<>();
    }

    @BeforeAll
    static void start() {
        server = DynamoDbTestServer.builder().dataDirectory(data).start();
        server.createIdempotencyTable(TABLE);
        client = server.clientBuilder().overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(3))).build();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        client.close();
        server.close();
    }

    @Test
    void noBodyRunsTwiceAndNoCallerGetsAForeignResult() throws Exception {
        Report report = new Report("exactly-once-at-scale")
                .put("keys per function and tenant", KEYS).put("functions", FUNCTIONS.size())
                .put("tenants", TENANTS.size()).put("concurrent copies per key", COPIES).put("threads", THREADS);
        long started = System.nanoTime();
        Wave healthy = wave("healthy", false, client, null);
        Wave cached = wave("cache-throttled", true, throttledUpdates(client), null);
        Wave[] restartedWave = new Wave[1];
        Wave restarted = wave("restart", false, client, done -> {
            if (done == KEYS * FUNCTIONS.size() * TENANTS.size() * COPIES / 3) {
                restartedWave[0].events.add("stop at " + (System.currentTimeMillis() - restartedWave[0].started));
                server.stop(); // down for 2 s while the other threads go on: claims and completions fail
                pause(2_000);
                server.restart(); // same port, tables on disk: every record written before it survives
                restartedWave[0].events.add("restart to " + (System.currentTimeMillis() - restartedWave[0].started));
            }
        }, restartedWave);
        for (Map.Entry<String, Wave> entry : Map.of("healthy", healthy, "cache on + UpdateItem throttled", cached,
                "store restarted", restarted).entrySet()) {
            Wave wave = entry.getValue();
            String name = entry.getKey();
            long doubles = doubleExecutionsOutsideWindows(wave);
            report.put(name + ": calls", wave.calls.get())
                    .put(name + ": executions", wave.executions.values().stream().mapToInt(AtomicInteger::get).sum())
                    .put(name + ": double executions outside a reported window", doubles)
                    .put(name + ": foreign results", wave.foreign.size())
                    .put(name + ": completion failures reported", wave.windows.size())
                    .put(name + ": refused while in progress (then redelivered)", wave.inProgress.get())
                    .put(name + ": store errors (then redelivered)", wave.storeErrors.get())
                    .put(name + ": bodies past their deadline (Lambda would have stopped them)", wave.overran.size());
        }
        report.put("wall-clock seconds (information only)", (System.nanoTime() - started) / 1_000_000_000.0).write();

        for (Wave wave : List.of(healthy, cached, restarted)) {
            assertThat(wave.foreign).as("results of another function, tenant or key").isEmpty();
            assertThat(doubleExecutionsOutsideWindows(wave)).as("bodies run twice outside a reported window: %s; %s",
                    wave.runs.entrySet().stream().filter(e -> e.getValue().size() > 1).toList(), wave.events).isZero();
            assertThat(wave.executions.keySet()).as("every key ran after redelivery")
                    .hasSize(KEYS * FUNCTIONS.size() * TENANTS.size());
            wave.results.forEach((identity, results) -> {
                if (wave.executions.get(identity).get() == 1) {
                    assertThat(results).as("callers of %s", identity.text()).hasSize(1);
                }
            });
        }
        assertThat(healthy.windows).as("a healthy store completes every record").isEmpty();
        assertThat(healthy.storeErrors).hasValue(0);
    }

    private static long doubleExecutionsOutsideWindows(Wave wave) {
        return wave.executions.entrySet().stream()
                .filter(e -> e.getValue().get() > 1)
                .filter(e -> !wave.windows.contains(recordKey(e.getKey())))
                .filter(e -> !wave.overran.contains(e.getKey()))
                .count();
    }

    /** The documented record key: {@code <function>.charge#tenant:<tenant>#<sha256 of the order id>}. */
    private static String recordKey(Identity identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.key().getBytes(StandardCharsets.UTF_8));
            return identity.function() + ".charge#tenant:" + identity.tenant() + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends every copy of every identity, copies of one identity back to back so they run at once,
     * then redelivers what failed (as Lambda retries) until everything succeeded.
     */
    private Wave wave(String name, boolean localCache, DynamoDbClient storeClient, Consumer<Integer> onProgress)
            throws Exception {
        return wave(name, localCache, storeClient, onProgress, new Wave[1]);
    }

    private Wave wave(String name, boolean localCache, DynamoDbClient storeClient, Consumer<Integer> onProgress,
            Wave[] holder) throws Exception {
        Wave wave = new Wave();
        holder[0] = wave;
        DynamoDbPersistenceStore store = DynamoDbPersistenceStore.builder().tableName(TABLE)
                .dynamoDbClient(storeClient).build();
        Map<String, Idempotency> functions = new ConcurrentHashMap<>();
        Map<String, ExecutionEnvironment> environments = new ConcurrentHashMap<>();
        for (String function : FUNCTIONS) {
            ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));
            environments.put(function, environment);
            functions.put(function, Idempotency.of(IdempotencyConfig.builder()
                    .persistenceStore(store).functionName(function).executionEnvironment(environment)
                    .eventKeyJmesPath("orderId").payloadValidationJmesPath("amount")
                    .localCache(localCache ? 64 : 0)
                    .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofSeconds(5))
                            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)))
                    .completionFailureHook((CompletionFailure failure) -> wave.windows.add(failure.idempotencyKey()))
                    .build()));
        }
        List<List<Identity>> blocks = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            String key = name + "-order-" + k;
            for (String function : FUNCTIONS) {
                for (String tenant : TENANTS) {
                    Identity identity = new Identity(function, tenant, key, k % LAST_SECOND_EVERY == 0);
                    blocks.add(Collections.nCopies(COPIES, identity));
                }
            }
        }
        Collections.shuffle(blocks, new Random(SEED + name.hashCode()));
        List<Identity> pending = new ArrayList<>();
        blocks.forEach(pending::addAll);
        AtomicInteger done = new AtomicInteger();
        for (int round = 0; round <= REDELIVERY_ROUNDS && !pending.isEmpty(); round++) {
            if (round > 0) {
                wave.redeliveries.addAndGet(pending.size());
                pause(1_000);
            }
            List<Future<Identity>> futures = new ArrayList<>();
            for (Identity identity : pending) {
                futures.add(pool.submit(() -> {
                    boolean ok = call(wave, functions.get(identity.function()),
                            environments.get(identity.function()), identity);
                    if (onProgress != null) {
                        onProgress.accept(done.incrementAndGet());
                    }
                    return ok ? null : identity;
                }));
            }
            List<Identity> failed = new ArrayList<>();
            for (Future<Identity> future : futures) {
                Identity retry = future.get(120, TimeUnit.SECONDS);
                if (retry != null) {
                    failed.add(retry);
                }
            }
            pending = failed;
        }
        assertThat(pending).as("%s: calls still failing after %d redeliveries; last store errors %s", name,
                REDELIVERY_ROUNDS, wave.events.subList(Math.max(0, wave.events.size() - 3), wave.events.size()))
                .isEmpty();
        return wave;
    }

    /** One invocation of one function for one tenant; false when it must be redelivered. */
    private static boolean call(Wave wave, Idempotency idempotency, ExecutionEnvironment environment,
            Identity identity) {
        wave.calls.incrementAndGet();
        Instant deadline = Instant.now().plusMillis(identity.lastSecond() ? 2_000 : 8_000);
        FakeContext context = FakeContext.builder().functionName(identity.function()).tenantId(identity.tenant())
                .awsRequestId(UUID.randomUUID().toString()).deadline(deadline).build();
        // The same payload for every function and tenant: only the scoping keeps them apart.
        Map<String, Object> event = Map.of("orderId", identity.key(), "amount", 42);
        try (Invocation.Scope scope = environment.open(event, context)) {
            String result = idempotency.call("charge", event, String.class, () -> body(wave, identity, context));
            if (!result.startsWith(identity.text() + "#")) {
                wave.foreign.add(identity.text() + " got " + result);
            }
            wave.results.computeIfAbsent(identity, i -> ConcurrentHashMap.newKeySet()).add(result);
            return true;
        } catch (IdempotencyAlreadyInProgressException e) {
            wave.inProgress.incrementAndGet();
            return false;
        } catch (IdempotencyPersistenceException e) {
            wave.storeErrors.incrementAndGet();
            wave.events.add(e.toString());
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String body(Wave wave, Identity identity, FakeContext context) {
        int execution = wave.executions.computeIfAbsent(identity, i -> new AtomicInteger()).incrementAndGet();
        long startedAt = System.currentTimeMillis() - wave.started;
        pause(Math.max(identity.lastSecond() ? context.getRemainingTimeInMillis() - 600 : 5, 0));
        if (context.getRemainingTimeInMillis() <= 0) {
            wave.overran.add(identity); // a loaded test machine ran it past its deadline
        }
        wave.runs.computeIfAbsent(identity, i -> new CopyOnWriteArrayList<>()).add("run " + execution + " from "
                + startedAt + " ms to " + (System.currentTimeMillis() - wave.started) + " ms, request "
                + context.getAwsRequestId());
        return identity.text() + "#" + execution + "#" + UUID.randomUUID();
    }

    /** The real client, except that every third UpdateItem fails as DynamoDB throttling. */
    private static DynamoDbClient throttledUpdates(DynamoDbClient real) {
        AtomicInteger updates = new AtomicInteger();
        ProvisionedThroughputExceededException throttle = ProvisionedThroughputExceededException.builder()
                .message("Rate of requests exceeds the allowed throughput").build();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && updates.incrementAndGet() % 3 == 0) {
                        throw throttle;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
