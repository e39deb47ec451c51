package io.powertools.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.Invocation;
import io.powertools.testing.XRayDaemon;
import io.powertools.testing.XRayTrace;
import io.powertools.testing.XRayTrace.Subsegment;
import io.powertools.testing.XRayTraceHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many invocations at once in one JVM, each fanning out to a shared worker pool: every subsegment
 * lands in its own invocation's trace, under its own handler, and nothing is left in progress.
 * In-process counterpart of the end-to-end test (which goes through the real runtime client);
 * {@code -Dpowertools.tracing.stress.invocations=N} runs more.
 */
class ConcurrentInvocationsTest {

    private static final int HANDLER_THREADS = 32;
    private static final int INVOCATIONS = Integer.getInteger("powertools.tracing.stress.invocations", 640);

    @Test
    void everySubsegmentBelongsToItsOwnInvocationsTrace() throws Exception {
        try (XRayDaemon daemon = XRayDaemon.start()) {
            TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
            HandlerTracer tracer = HandlerTracer.of(support.options().build());
            ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS);
            ExecutorService workers = Invocation.propagating(Executors.newFixedThreadPool(8));
            List<XRayTraceHeader> headers = new ArrayList<>();
            List<Future<String>> results = new ArrayList<>();
            try {
                for (int i = 0; i < INVOCATIONS; i++) {
                    XRayTraceHeader header = i % 10 == 9 ? XRayTraceHeader.notSampled() : XRayTraceHeader.sampled();
                    headers.add(header);
                    String order = "order-" + i;
                    results.add(handlers.submit(() -> tracer.execute(order, TracingTestSupport.context(header), () -> {
                        Tracer.putAnnotation("Order", order);
                        Future<String> priced = workers.submit(() -> Tracer.subsegment("## price", () -> {
                            Tracer.putAnnotation("Order", order);
                            return Tracer.subsegment("## tax", () -> order);
                        }));
                        String stored = Tracer.subsegment("## store", () -> {
                            Tracer.putMetadata("order", order);
                            return order;
                        });
                        try {
                            return priced.get() + "/" + stored;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })));
                }
                for (int i = 0; i < INVOCATIONS; i++) {
                    assertThat(results.get(i).get()).isEqualTo("order-" + i + "/order-" + i);
                }
            } finally {
                handlers.shutdown();
                workers.shutdown();
            }

            long sampled = headers.stream().filter(XRayTraceHeader::isSampled).count();
            daemon.awaitDatagrams((int) sampled, Duration.ofSeconds(30));
            assertThat(daemon.problems()).isEmpty();
            Map<String, XRayTrace> traces = daemon.traces();
            assertThat(traces).hasSize((int) sampled);
            for (int i = 0; i < INVOCATIONS; i++) {
                XRayTraceHeader header = headers.get(i);
                if (!header.isSampled()) {
                    assertThat(traces).doesNotContainKey(header.root());
                    continue;
                }
                XRayTrace trace = traces.get(header.root());
                String order = "order-" + i;
                assertThat(trace.subsegments()).as("trace of %s", order).hasSize(4);
                assertThat(trace.inProgress()).isEmpty();
                assertThat(trace.orphans(header.parent())).isEmpty();
                Subsegment handler = trace.named("## handleRequest").get(0);
                assertThat(handler.parentId()).isEqualTo(header.parent());
                assertThat(handler.annotation("Order").map(n -> n.textValue())).contains(order);
                Subsegment price = trace.named("## price").get(0);
                assertThat(price.parentId()).isEqualTo(handler.id());
                assertThat(price.annotation("Order").map(n -> n.textValue())).contains(order);
                assertThat(trace.named("## tax").get(0).parentId()).isEqualTo(price.id());
                Subsegment store = trace.named("## store").get(0);
                assertThat(store.parentId()).isEqualTo(handler.id());
                assertThat(store.metadata("default", "order").map(n -> n.textValue())).contains(order);
            }
            long coldStarts = traces.values().stream().flatMap(t -> t.named("## handleRequest").stream())
                    .filter(h -> h.annotation("ColdStart").map(n -> n.booleanValue()).orElse(false)).count();
            assertThat(coldStarts).isLessThanOrEqualTo(1);
            assertThat(support.reports()).isEmpty();
        }
    }
}
