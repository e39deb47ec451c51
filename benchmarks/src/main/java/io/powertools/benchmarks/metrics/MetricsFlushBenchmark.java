package io.powertools.benchmarks.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.benchmarks.baseline.BaselineContext;
import io.powertools.benchmarks.baseline.MetricNames;
import io.powertools.benchmarks.support.BenchContext;
import io.powertools.benchmarks.support.IsolatedDriver;
import io.powertools.benchmarks.support.NullStdout;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsFlusher;
import io.powertools.metrics.MetricsOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 4: one flush of 10 metrics with 3 dimensions (plus the Service dimension) to standard
 * output (a discarding stream), through this library's functional API (the invocation is opened,
 * filled and flushed), Powertools for AWS Lambda (Java) 2.9.0 metrics, and a hand-written Jackson
 * streaming writer. Goals: at most 0.3x Powertools, at most 1.5x Jackson. Run with {@code -prof gc}
 * for allocation per flush.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsFlushBenchmark {

    /** Discards standard output for the trial. */
    @State(Scope.Thread)
    public static class Stdout {
        private NullStdout stdout;

        /** Swaps System.out. */
        @Setup(Level.Trial)
        public void setUp() {
            stdout = NullStdout.install();
        }

        /** Restores System.out. */
        @TearDown(Level.Trial)
        public void tearDown() {
            stdout.close();
        }
    }

    /** This library: a flusher built once, a body that adds the metrics. */
    @State(Scope.Thread)
    public static class Ours {
        private final Map<String, Object> event = Map.of();
        private final Context context = BenchContext.create();
        private final MetricsFlusher flusher = MetricsFlusher.of(MetricsOptions.builder()
                .namespace("Benchmark")
                .service("benchmark")
                .build());
        private final Runnable body = () -> {
            Metrics.addDimension("Channel", "web");
            Metrics.addDimension("Region", "eu-west-1");
            Metrics.addDimension("Tier", "gold");
            for (int i = 0; i < 10; i++) {
                Metrics.addMetric(MetricNames.name(i), i + 0.5, MetricUnit.COUNT);
            }
        };
    }

    /** The Jackson floor. */
    @State(Scope.Thread)
    public static class Jackson {
        private final JacksonEmfWriter writer = new JacksonEmfWriter();
    }

    /** Powertools 2.9.0 in its own class loader. */
    @State(Scope.Thread)
    public static class Powertools {
        private IsolatedDriver driver;

        /** Creates the isolated world and its driver on the benchmark thread. */
        @Setup(Level.Trial)
        public void setUp() {
            driver = new IsolatedDriver("io.powertools.benchmarks.baseline.PowertoolsMetricsDriver");
        }

        /**
         * Closes the world.
         *
         * @throws Exception when the loader cannot be closed
         */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            driver.close();
        }
    }

    /**
     * This library's flush.
     *
     * @param stdout the discarding output
     * @param state the flusher
     */
    @Benchmark
    public void ours(Stdout stdout, Ours state) {
        state.flusher.execute(state.event, state.context, state.body);
    }

    /**
     * The hand-written Jackson writer.
     *
     * @param stdout the discarding output
     * @param state the writer
     */
    @Benchmark
    public void jackson(Stdout stdout, Jackson state) {
        JacksonEmfWriter writer = state.writer;
        writer.addDimension("Service", "benchmark");
        writer.addDimension("Channel", "web");
        writer.addDimension("Region", "eu-west-1");
        writer.addDimension("Tier", "gold");
        for (int i = 0; i < 10; i++) {
            writer.addMetric(MetricNames.name(i), i + 0.5, "Count");
        }
        writer.flush("Benchmark", BaselineContext.REQUEST_ID, BaselineContext.TRACE_ID);
    }

    /**
     * Powertools 2.9.0's flush.
     *
     * @param stdout the discarding output
     * @param state the driver
     */
    @Benchmark
    public void powertools(Stdout stdout, Powertools state) {
        state.driver.driver().run();
    }
}
