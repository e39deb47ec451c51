package io.powertools.benchmarks.harness;

import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: from launching a fresh child JVM (runtime client, init, first poll) to the first
 * response received by the local Runtime API, several runs per variant. Rounds interleave the
 * variants so slow phases of a shared machine hit all of them alike.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * Measures.
     *
     * @param variants the variants
     * @param runs fresh JVMs per variant
     * @return milliseconds per run, by variant key
     */
    public static Map<String, List<Double>> measure(List<Variant> variants, int runs) {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        variants.forEach(v -> times.put(v.key(), new ArrayList<>()));
        for (int round = 0; round < runs; round++) {
            for (Variant variant : variants) {
                times.get(variant.key()).add(once(variant));
            }
        }
        return times;
    }

    static double once(Variant variant) {
        long start = System.nanoTime();
        try (LocalLambdaRuntime runtime = ChildRuns.start(variant, null)) {
            InvocationResult result = runtime.invokeAndWait(ChildRuns.request());
            long end = System.nanoTime();
            ChildRuns.check(variant, result);
            ChildRuns.checkLogged(variant, runtime.stdoutLines(), result);
            return (end - start) / 1e6;
        }
    }
}
