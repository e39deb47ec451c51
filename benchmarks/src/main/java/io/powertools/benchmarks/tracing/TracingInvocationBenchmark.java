package io.powertools.benchmarks.tracing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.benchmarks.support.BenchContext;
import io.powertools.tracing.HandlerTracer;
import io.powertools.tracing.Tracer;
import io.powertools.tracing.TracingOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
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
 * Issue 20: the per-invocation cost of tracing, one sampled invocation with the handler's
 * subsegment and three nested ones (one annotation each), encoded and sent over UDP to a loopback
 * daemon stand-in that drains and discards the datagrams. Powertools for AWS Lambda (Java) 2.9.0's
 * tracing module is not served here, so there is no baseline side.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TracingInvocationBenchmark {

    private final Map<String, Object> event = Map.of("orderId", "o-77");
    private final Context context = BenchContext.create();
    private DatagramSocket daemon;
    private Thread drain;
    private RequestHandler<Map<String, Object>, String> handler;

    /** Starts the draining daemon stand-in and decorates the handler. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        drain = new Thread(this::drain, "xray-daemon-drain");
        drain.setDaemon(true);
        drain.start();
        handler = HandlerTracer.of(TracingOptions.builder().service("benchmark")
                .daemonAddress("127.0.0.1:" + daemon.getLocalPort()).build())
                .decorate(TracingInvocationBenchmark::handle);
    }

    /** Stops the daemon stand-in. */
    @TearDown(Level.Trial)
    public void tearDown() {
        daemon.close();
    }

    private void drain() {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!daemon.isClosed()) {
            try {
                daemon.receive(packet);
            } catch (IOException e) {
                if (!daemon.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static String handle(Map<String, Object> event, Context context) {
        for (String step : new String[] {"validate", "price", "store"}) {
            Tracer.subsegment(step, () -> Tracer.putAnnotation("step", step));
        }
        return "ok";
    }

    /**
     * One traced invocation.
     *
     * @return the response
     */
    @Benchmark
    public String handlerAndThreeSubsegments() {
        return handler.handleRequest(event, context);
    }
}
