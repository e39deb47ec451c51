package io.powertools.benchmarks.harness;

import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-concurrency throughput: a fixed number of invocations queued at once against one child JVM
 * running {@code AWS_LAMBDA_MAX_CONCURRENCY} handler threads, after a warm-up batch. Invocations per
 * second, measured through the local Runtime API (whose HTTP work is part of every variant's cost).
 */
public final class Throughput {

    private Throughput() {
    }

    /**
     * Measures.
     *
     * @param variants the variants
     * @param concurrency handler threads
     * @param invocations invocations per measured batch
     * @param rounds batches per variant (interleaved across variants)
     * @return invocations per second per batch, by variant key
     */
    public static Map<String, List<Double>> measure(List<Variant> variants, int concurrency, int invocations,
            int rounds) {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, LocalLambdaRuntime> runtimes = new LinkedHashMap<>();
        try {
            for (Variant variant : variants) {
                LocalLambdaRuntime runtime = ChildRuns.start(variant, concurrency);
                runtimes.put(variant.key(), runtime);
                rates.put(variant.key(), new ArrayList<>());
                // Warm-up: JIT and the runtime's connections, not measured.
                ChildRuns.check(variant, runtime.invokeAll(batch(Math.max(invocations / 2, concurrency))));
            }
            for (int round = 0; round < rounds; round++) {
                for (Variant variant : variants) {
                    LocalLambdaRuntime runtime = runtimes.get(variant.key());
                    List<InvocationRequest> batch = batch(invocations);
                    long start = System.nanoTime();
                    List<InvocationResult> results = runtime.invokeAll(batch);
                    long end = System.nanoTime();
                    ChildRuns.check(variant, results);
                    rates.get(variant.key()).add(invocations / ((end - start) / 1e9));
                }
            }
        } finally {
            runtimes.values().forEach(LocalLambdaRuntime::close);
        }
        return rates;
    }

    private static List<InvocationRequest> batch(int size) {
        List<InvocationRequest> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(ChildRuns.request());
        }
        return batch;
    }
}
