package io.powertools.benchmarks.harness;

import io.powertools.benchmarks.handlers.PrimedOrderHandler;
import io.powertools.benchmarks.support.Dependencies;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.testing.DynamoDbTestServer;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming (issue 7): the first invocation after a SnapStart restore, with the handler's
 * priming and with priming switched off, in fresh child JVMs through the real runtime client. The
 * clock runs from sending the first invocation (the runtime is restored and polls for it) to its
 * response. dynalite runs in a child process of this JVM; every run uses a fresh idempotency key, so the first
 * invocation really claims and completes a record. Each run is checked by {@link PrimingChecks}.
 * Rounds interleave the variants, as in {@link ColdStart}.
 */
public final class Priming {

    /** Key of the primed variant. */
    public static final String PRIMED = "primed";
    /** Key of the variant with priming switched off. */
    public static final String UNPRIMED = "unprimed";
    /** Goal: primed first invocation at most this fraction of the unprimed one. */
    public static final double GOAL = 0.3;

    static final String TABLE = "idempotency";
    /** Requests that warm the database and this JVM's client up before the first measured run. */
    private static final int WARM_UP_CALLS = 50;

    private Priming() {
    }

    /**
     * Times per variant.
     *
     * @param firstInvocation milliseconds from sending the first invocation to its response, by key
     * @param init milliseconds from launching the JVM to the restored runtime's first poll, by key
     * @param verifiedRuns runs that passed every {@link PrimingChecks} check (all of them, or measure threw)
     */
    public record Result(Map<String, List<Double>> firstInvocation, Map<String, List<Double>> init,
            int verifiedRuns) {
    }

    /**
     * Measures.
     *
     * @param runs fresh JVMs per variant
     * @return the times
     * @throws IllegalStateException when a run fails or a correctness check is violated
     */
    public static Result measure(int runs) {
        Variant variant = variant();
        Map<String, List<Double>> firstInvocation = new LinkedHashMap<>();
        Map<String, List<Double>> init = new LinkedHashMap<>();
        for (String key : List.of(PRIMED, UNPRIMED)) {
            firstInvocation.put(key, new ArrayList<>());
            init.put(key, new ArrayList<>());
        }
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.start()) {
            dynamo.createTable(TABLE, "id");
            warmUp(dynamo);
            PrimingChecks checks = new PrimingChecks(dynamo.client(), TABLE);
            for (int round = 0; round < runs; round++) {
                for (String key : List.of(PRIMED, UNPRIMED)) {
                    double[] times = once(variant, key, round, dynamo, checks);
                    firstInvocation.get(key).add(times[0]);
                    init.get(key).add(times[1]);
                }
            }
            return new Result(firstInvocation, init, checks.verifiedRuns());
        }
    }

    /**
     * A label for tables and charts.
     *
     * @param key {@link #PRIMED} or {@link #UNPRIMED}
     * @return the label
     */
    public static String label(String key) {
        return PRIMED.equals(key) ? "SnapStart, primed" : "SnapStart, priming off";
    }

    /** One checked run: milliseconds of the first invocation and of launch to first poll. */
    private static double[] once(Variant variant, String key, int round, DynamoDbTestServer dynamo,
            PrimingChecks checks) {
        String orderId = "order-" + key + "-" + round + "-" + System.nanoTime();
        long launch = System.nanoTime();
        try (LocalLambdaRuntime runtime = ChildRuns.builder(variant)
                .snapStart(true)
                // The builder's default is on-demand (for Powertools 2.9.0's cold start); this is a SnapStart init.
                .environment("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")
                .environment(PrimedOrderHandler.PRIMING, PRIMED.equals(key) ? "on" : "off")
                // Unprimed means no registration at all, also not the module's automatic one.
                .environment("POWERTOOLS_SNAPSTART_AUTO_REGISTER", PRIMED.equals(key) ? "true" : "false")
                .environment(PrimedOrderHandler.ENDPOINT, dynamo.endpoint().toString())
                .environment(PrimedOrderHandler.TABLE, TABLE)
                .start()) {
            // start() returned: the child ran the hooks, restored and polls /next for the first invocation.
            long ready = System.nanoTime();
            List<String> beforeFirstInvocation = runtime.stdoutLines();
            InvocationRequest request = InvocationRequest.of("{\"orderId\":\"" + orderId + "\",\"customer\":\"c-1\"}");
            long start = System.nanoTime();
            InvocationResult answer = runtime.invokeAndWait(request);
            long end = System.nanoTime();
            ChildRuns.check(variant, answer);
            checks.verify(key, PRIMED.equals(key), orderId, answer, runtime, beforeFirstInvocation);
            return new double[] {(end - start) / 1e6, (ready - launch) / 1e6};
        }
    }

    /**
     * The first requests a fresh server serves are slow (its own cold start, and this JVM's client);
     * without this, only the first round's first variant would pay for it. A table of its own keeps
     * the checked one clean.
     */
    private static void warmUp(DynamoDbTestServer dynamo) {
        dynamo.createTable("warm-up", "id");
        Idempotency idempotency = Idempotency.of(IdempotencyConfig.builder()
                .persistenceStore(DynamoDbPersistenceStore.builder().tableName("warm-up")
                        .dynamoDbClient(dynamo.client()).build())
                .functionName("warm-up")
                .build());
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            idempotency.call("order", "warm-up-" + i, String.class, () -> "ok");
        }
    }

    static Variant variant() {
        Dependencies deps = Dependencies.get();
        List<Path> classpath = new ArrayList<>(deps.files(Dependencies.RUNTIME_CLIENT, Dependencies.LOG4J,
                Dependencies.JACKSON, Dependencies.OURS, Dependencies.PRIMED_FUNCTION));
        classpath.add(Dependencies.benchmarkClasses());
        return new Variant("primed-order", "logging + metrics + idempotency (DynamoDB)",
                PrimedOrderHandler.class.getName() + "::handleRequest", classpath, "bench/log4j2-primed.xml");
    }
}
