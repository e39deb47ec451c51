package io.powertools.benchmarks.logging;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.benchmarks.support.BenchContext;
import io.powertools.benchmarks.support.IsolatedDriver;
import io.powertools.benchmarks.support.NullOutputLog4j;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.logging.log4j.PowertoolsJsonLayout;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 3 (b): one whole invocation (open, three INFO lines, one with two structured arguments,
 * close) through this library's functional API against Powertools for AWS Lambda (Java) 2.9.0's
 * {@code PowertoolsLogging.withLogging}. Both write JSON through Log4j2 to a discarding appender.
 * Goal: at most 0.6x.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogInvocationBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.OrderHandler");

    /** This library: a decorated handler, built once; subclasses pick the layout. */
    public abstract static class DecoratedHandler {
        private final Map<String, Object> event = Map.of("orderId", "o-77");
        private final Context context = BenchContext.create();
        private RequestHandler<Map<String, Object>, String> handler;

        /** Installs the layout and decorates the handler. */
        @Setup(Level.Trial)
        public void setUp() {
            installLayout();
            handler = PowertoolsLogging.decorate(DecoratedHandler::handle, LoggingOptions.defaults());
        }

        /** Points Log4j2 at the layout under test. */
        abstract void installLayout();

        String invoke() {
            return handler.handleRequest(event, context);
        }

        private static String handle(Map<String, Object> event, Context context) {
            LOG.info("Processing order");
            LOG.info("Order accepted", entry("orderId", "o-77"), entry("total", 42));
            LOG.info("Done");
            return "ok";
        }
    }

    /** JSON Template Layout with this library's template. */
    @State(Scope.Thread)
    public static class Ours extends DecoratedHandler {
        @Override
        void installLayout() {
            NullOutputLog4j.install("classpath:powertools-layout.json");
        }
    }

    /** PowertoolsJsonLayout, the layout of the library's default configuration. */
    @State(Scope.Thread)
    public static class OursJsonLayout extends DecoratedHandler {
        @Override
        void installLayout() {
            NullOutputLog4j.install(configuration -> PowertoolsJsonLayout.createDefaultLayout());
        }
    }

    /** Powertools 2.9.0 in its own class loader. */
    @State(Scope.Thread)
    public static class Powertools {
        private IsolatedDriver driver;

        /** Creates the isolated world and its driver on the benchmark thread. */
        @Setup(Level.Trial)
        public void setUp() {
            driver = new IsolatedDriver("io.powertools.benchmarks.baseline.PowertoolsLoggingDriver");
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
     * This library's invocation.
     *
     * @param state the decorated handler
     * @return the handler's response
     */
    @Benchmark
    public String ours(Ours state) {
        return state.invoke();
    }

    /**
     * This library's invocation, lines through PowertoolsJsonLayout.
     *
     * @param state the decorated handler
     * @return the handler's response
     */
    @Benchmark
    public String oursJsonLayout(OursJsonLayout state) {
        return state.invoke();
    }

    /**
     * Powertools 2.9.0's invocation.
     *
     * @param state the driver
     */
    @Benchmark
    public void powertools(Powertools state) {
        state.driver.driver().run();
    }
}
