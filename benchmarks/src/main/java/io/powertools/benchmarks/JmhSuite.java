package io.powertools.benchmarks;

import io.powertools.benchmarks.idempotency.IdempotencyOnDynamoDb;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of this module, in the quick mode CI uses (in-process, one 100 ms
 * iteration each, no warm-up: proves every benchmark runs) or the full mode of the report (one fork
 * per benchmark, warm-up, several iterations, GC profiler for allocation per operation).
 */
public final class JmhSuite {

    /** Every benchmark class of the module. */
    public static final List<String> BENCHMARKS = List.of(
            "io.powertools.benchmarks.logging.LogLineBenchmark",
            "io.powertools.benchmarks.logging.LogInvocationBenchmark",
            "io.powertools.benchmarks.metrics.MetricsFlushBenchmark",
            "io.powertools.benchmarks.idempotency.IdempotencyKeyBenchmark",
            "io.powertools.benchmarks.idempotency.IdempotencyDynamoDbBenchmark",
            "io.powertools.benchmarks.idempotency.IdempotencyOverheadBenchmark",
            "io.powertools.benchmarks.batch.BatchParallelismBenchmark",
            "io.powertools.benchmarks.tracing.TracingInvocationBenchmark");

    private JmhSuite() {
    }

    /**
     * Runs every benchmark once, briefly, in this JVM.
     *
     * @return the results
     * @throws RunnerException when a benchmark fails
     */
    public static Collection<RunResult> quick() throws RunnerException {
        ChainedOptionsBuilder options = includeAll(new OptionsBuilder())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        return new Runner(options.build()).run();
    }

    /**
     * Runs every benchmark in forked JVMs with real iterations and the GC profiler.
     *
     * @param includeRegex restricts the benchmarks (JMH include pattern), or null for all
     * @return the results
     * @throws RunnerException when a benchmark fails
     */
    public static Collection<RunResult> full(String includeRegex) throws RunnerException {
        ChainedOptionsBuilder options = includeRegex == null ? includeAll(new OptionsBuilder())
                : new OptionsBuilder().include(includeRegex);
        options.forks(1)
                .warmupIterations(4)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(6)
                .measurementTime(TimeValue.seconds(2))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                // The baselines' class path and the handler classes travel to the forks explicitly.
                .jvmArgsAppend(systemProperty("benchmark.dependencies"), systemProperty("benchmark.classes"),
                        // The idempotency round trip needs a longer warm-up than the rest (see IdempotencyOnDynamoDb).
                        "-D" + IdempotencyOnDynamoDb.WARMUP_PROPERTY + "=20", "-Xmx1g");
        return new Runner(options.build()).run();
    }

    private static ChainedOptionsBuilder includeAll(ChainedOptionsBuilder options) {
        for (String benchmark : BENCHMARKS) {
            options.include("^" + benchmark.replace(".", "\\.") + "\\.");
        }
        return options;
    }

    private static String systemProperty(String name) {
        return "-D" + name + "=" + System.getProperty(name, "");
    }

    /**
     * The primary score of each benchmark, by short name ({@code Class.method}).
     *
     * @param results JMH results
     * @return score per benchmark, in the benchmark's time unit
     */
    public static Map<String, Double> scores(Collection<RunResult> results) {
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        for (RunResult result : results) {
            scores.put(shortName(result.getParams().getBenchmark()), result.getPrimaryResult().getScore());
        }
        return scores;
    }

    /**
     * {@code package.Class.method} to {@code Class.method}.
     *
     * @param benchmark the full name
     * @return the short name
     */
    public static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }
}
