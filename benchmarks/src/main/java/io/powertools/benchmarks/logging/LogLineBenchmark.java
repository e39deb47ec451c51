package io.powertools.benchmarks.logging;

import io.powertools.benchmarks.support.BenchContext;
import io.powertools.benchmarks.support.NullOutputLog4j;
import io.powertools.core.Invocation;
import io.powertools.logging.LogKeys;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.logging.log4j.PowertoolsJsonLayout;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.ThreadContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 3 (a): one INFO line carrying two keys inside an invocation, with this library's template
 * (Lambda fields resolved from the current Invocation, keys from the invocation's key map) against
 * plain JSON Template Layout printing the same keys as static values (keys from ThreadContext).
 * Goal: at most 1.2x. {@code oursJsonLayout} writes the same line with PowertoolsJsonLayout, the
 * layout of the library's default configuration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogLineBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.OrderHandler");

    /** This library: an open invocation with two temporary keys; subclasses pick the layout. */
    public abstract static class OpenInvocation {
        private Invocation.Scope scope;

        /** Installs the layout and opens the invocation on the benchmark thread. */
        @Setup(Level.Trial)
        public void setUp() {
            installLayout();
            PowertoolsLogging.initialize();
            scope = Invocation.open(Map.of(), BenchContext.create());
            LogKeys.appendKey("orderId", "o-77");
            LogKeys.appendKey("total", 42);
        }

        /** Points Log4j2 at the layout under test. */
        abstract void installLayout();

        /** Closes the invocation. */
        @TearDown(Level.Trial)
        public void tearDown() {
            scope.close();
        }
    }

    /** JSON Template Layout with this library's template. */
    @State(Scope.Thread)
    public static class Ours extends OpenInvocation {
        @Override
        void installLayout() {
            NullOutputLog4j.install("classpath:powertools-layout.json");
        }
    }

    /** PowertoolsJsonLayout, the layout of the library's default configuration. */
    @State(Scope.Thread)
    public static class OursJsonLayout extends OpenInvocation {
        @Override
        void installLayout() {
            NullOutputLog4j.install(configuration -> PowertoolsJsonLayout.createDefaultLayout());
        }
    }

    /** Plain Log4j2: static Lambda fields in the template, two keys in ThreadContext. */
    @State(Scope.Thread)
    public static class Plain {

        /** Installs the static template and puts the keys. */
        @Setup(Level.Trial)
        public void setUp() {
            NullOutputLog4j.install("classpath:bench/static-layout.json");
            ThreadContext.put("orderId", "o-77");
            ThreadContext.put("total", "42");
        }

        /** Clears the keys. */
        @TearDown(Level.Trial)
        public void tearDown() {
            ThreadContext.clearMap();
        }
    }

    /**
     * This library's line.
     *
     * @param state the open invocation
     */
    @Benchmark
    public void ours(Ours state) {
        LOG.info("Order accepted");
    }

    /**
     * This library's line through PowertoolsJsonLayout.
     *
     * @param state the open invocation
     */
    @Benchmark
    public void oursJsonLayout(OursJsonLayout state) {
        LOG.info("Order accepted");
    }

    /**
     * Plain JSON Template Layout's line.
     *
     * @param state the static configuration
     */
    @Benchmark
    public void plainLog4j(Plain state) {
        LOG.info("Order accepted");
    }
}
