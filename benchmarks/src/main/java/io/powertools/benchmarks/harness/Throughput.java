package io.powertools.benchmarks.harness;

import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.time.Duration;
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
     * What a throughput run measured, per variant key and batch.
     *
     * @param rates invocations per second
     * @param childCpuMicros CPU time the function's JVM spent per invocation, in microseconds: the
     *     cost of the stack itself, steadier than the rate on a shared machine because the harness
     *     JVM's own work (the local Runtime API, reading the output) is not in it
     */
    public record Result(Map<String, List<Double>> rates, Map<String, List<Double>> childCpuMicros) {
    }

    /**
     * Measures.
     *
     * @param variants the variants
     * @param concurrency handler threads of each child ({@code AWS_LAMBDA_MAX_CONCURRENCY})
     * @param invocations invocations per batch
     * @param rounds batches per variant
     * @return rates and CPU per invocation, by variant key
     */
    public static Result measure(List<Variant> variants, int concurrency, int invocations, int rounds) {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, LocalLambdaRuntime> runtimes = new LinkedHashMap<>();
        try {
            for (Variant variant : variants) {
                LocalLambdaRuntime runtime = ChildRuns.start(variant, concurrency);
                runtimes.put(variant.key(), runtime);
                rates.put(variant.key(), new ArrayList<>());
                cpu.put(variant.key(), new ArrayList<>());
                // Warm-up: JIT and the runtime's connections, not measured.
                ChildRuns.check(variant, runtime.invokeAll(batch(Math.max(invocations / 2, concurrency))));
            }
            for (int round = 0; round < rounds; round++) {
                for (Variant variant : variants) {
                    LocalLambdaRuntime runtime = runtimes.get(variant.key());
                    List<InvocationRequest> batch = batch(invocations);
                    long cpuBefore = cpuNanos(runtime);
                    long start = System.nanoTime();
                    List<InvocationResult> results = runtime.invokeAll(batch);
                    long end = System.nanoTime();
                    long cpuAfter = cpuNanos(runtime);
                    ChildRuns.check(variant, results);
                    rates.get(variant.key()).add(invocations / ((end - start) / 1e9));
                    if (cpuBefore >= 0 && cpuAfter >= 0) {
                        cpu.get(variant.key()).add((cpuAfter - cpuBefore) / 1e3 / invocations);
                    }
                }
            }
        } finally {
            runtimes.values().forEach(LocalLambdaRuntime::close);
        }
        return new Result(rates, cpu);
    }

    /** The child's total CPU time so far, or -1 where the platform does not report it. */
    private static long cpuNanos(LocalLambdaRuntime runtime) {
        return runtime.childProcess().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static List<InvocationRequest> batch(int size) {
        List<InvocationRequest> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(ChildRuns.request());
        }
        return batch;
    }
}
