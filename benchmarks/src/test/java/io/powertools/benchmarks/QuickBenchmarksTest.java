package io.powertools.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * The quick mode CI runs: every JMH benchmark compiles, starts and completes one short iteration
 * with a result. No timing is asserted (speed is reported by the full run, never checked in tests).
 */
class QuickBenchmarksTest {

    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        Collection<RunResult> results = JmhSuite.quick();
        Map<String, Double> scores = JmhSuite.scores(results);
        assertEquals(23, scores.size(), "benchmarks that produced a result: " + scores.keySet());
        scores.forEach((name, score) -> assertTrue(score > 0 && Double.isFinite(score), name + " scored " + score));
    }
}
