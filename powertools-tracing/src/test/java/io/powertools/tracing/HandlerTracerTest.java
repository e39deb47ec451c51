package io.powertools.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.Invocation;
import io.powertools.testing.XRayDaemon;
import io.powertools.testing.XRaySegmentValidator;
import io.powertools.testing.XRayTrace;
import io.powertools.testing.XRayTrace.Subsegment;
import io.powertools.testing.XRayTraceHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a traced handler sends to the X-Ray daemon, read back by the test kit's daemon stand-in. */
class HandlerTracerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static XRayDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = XRayDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void everyDatagramWasValid() {
        assertThat(daemon.problems()).isEmpty();
    }

    private static XRayTrace complete(XRayTraceHeader header) {
        return daemon.awaitTrace(header.root(), t -> !t.subsegments().isEmpty() && t.inProgress().isEmpty(), WAIT);
    }

    @Test
    void aSampledCallIsOneHandlerSubsegmentUnderTheFunctionSegmentWithItsNestedWork() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        RequestHandler<String, String> handler = tracer.decorate((order, context) -> {
            Tracer.putAnnotation("OrderId", order);
            String saved = Tracer.subsegment("## save", () -> {
                Tracer.putAnnotation("Attempt", 1);
                Tracer.putMetadata("order", Map.of("id", order, "lines", List.of(1, 2)));
                return "saved " + order;
            });
            Tracer.subsegment("## notify", () -> Tracer.putMetadata("billing", "sent", true));
            return saved;
        });
        XRayTraceHeader header = XRayTraceHeader.sampled();

        String response = handler.handleRequest("o-1", TracingTestSupport.context(header));

        assertThat(response).isEqualTo("saved o-1");
        XRayTrace trace = complete(header);
        assertThat(trace.orphans(header.parent())).isEmpty();
        Subsegment handlerSegment = trace.named("## handleRequest").get(0);
        assertThat(handlerSegment.parentId()).isEqualTo(header.parent());
        assertThat(handlerSegment.annotation("ColdStart").map(JsonNode::booleanValue)).contains(true);
        assertThat(handlerSegment.annotation("Service").map(JsonNode::textValue)).contains("orders");
        assertThat(handlerSegment.annotation("OrderId").map(JsonNode::textValue)).contains("o-1");
        assertThat(handlerSegment.metadata("orders", "handleRequest response").map(JsonNode::textValue))
                .contains("saved o-1");
        Subsegment save = trace.named("## save").get(0);
        assertThat(save.parentId()).isEqualTo(handlerSegment.id());
        assertThat(save.annotation("Attempt").map(JsonNode::intValue)).contains(1);
        assertThat(save.metadata("default", "order").map(JsonNode::toString)).hasValueSatisfying(json ->
                assertThat(json).contains("\"id\":\"o-1\"").contains("\"lines\":[1,2]"));
        Subsegment notify = trace.named("## notify").get(0);
        assertThat(notify.parentId()).isEqualTo(handlerSegment.id());
        assertThat(notify.metadata("billing", "sent").map(JsonNode::booleanValue)).contains(true);
        assertThat(trace.documentCount()).as("a small tree travels in one document").isEqualTo(1);
        assertThat(trace.subsegments()).hasSize(3);
    }

    @Test
    void theTimesAreEpochSecondsWithMicrosecondsAndChildrenLieWithinTheirParent() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        XRayTraceHeader header = XRayTraceHeader.sampled();
        long before = System.currentTimeMillis();

        tracer.execute("e", TracingTestSupport.context(header), () -> Tracer.subsegment("## child", () -> { }));

        XRayTrace trace = complete(header);
        JsonNode handler = trace.named("## handleRequest").get(0).document();
        JsonNode child = trace.named("## child").get(0).document();
        String text = new String(daemon.datagrams().get(daemon.received() - 1), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).containsPattern("\"start_time\":\\d{10}\\.\\d{6}[,}]")
                .containsPattern("\"end_time\":\\d{10}\\.\\d{6}[,}]");
        assertThat(handler.get("start_time").doubleValue() * 1000).isBetween(before - 1.0, System.currentTimeMillis() + 1.0);
        assertThat(child.get("start_time").doubleValue()).isGreaterThanOrEqualTo(handler.get("start_time").doubleValue());
        assertThat(child.get("end_time").doubleValue()).isLessThanOrEqualTo(handler.get("end_time").doubleValue());
    }

    @Test
    void anUnsampledOrDisabledCallSendsNothing() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        HandlerTracer disabled = HandlerTracer.of(new TracingTestSupport(daemon,
                Map.of("POWERTOOLS_TRACE_DISABLED", "true")).options().build());
        XRayTraceHeader unsampled = XRayTraceHeader.notSampled();
        XRayTraceHeader sampledButDisabled = XRayTraceHeader.sampled();
        XRayTraceHeader marker = XRayTraceHeader.sampled();

        tracer.execute("e", TracingTestSupport.context(unsampled), () -> {
            assertThat(Tracer.isRecording()).isFalse();
            Tracer.subsegment("## work", () -> Tracer.putAnnotation("Ignored", true));
        });
        disabled.execute("e", TracingTestSupport.context(sampledButDisabled), () ->
                Tracer.subsegment("## work", () -> Tracer.putMetadata("ignored", 1)));
        // Datagrams from one socket arrive in order on loopback: once the marker is in, the others would be too.
        tracer.execute("e", TracingTestSupport.context(marker), () -> { });
        complete(marker);

        assertThat(daemon.trace(unsampled.root()).subsegments()).isEmpty();
        assertThat(daemon.trace(sampledButDisabled.root()).subsegments()).isEmpty();
    }

    @Test
    void aFailureMarksTheSubsegmentsFaultAndCarriesTheExceptionChainAsCause() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        XRayTraceHeader header = XRayTraceHeader.sampled();

        assertThatThrownBy(() -> tracer.execute("e", TracingTestSupport.context(header), () ->
                Tracer.subsegment("## charge", () -> {
                    throw new IllegalStateException("card declined", new RuntimeException("gateway said no"));
                }))).isInstanceOf(IllegalStateException.class).hasMessage("card declined");

        XRayTrace trace = complete(header);
        for (String name : List.of("## handleRequest", "## charge")) {
            Subsegment failed = trace.named(name).get(0);
            assertThat(failed.fault()).as(name).isTrue();
            JsonNode exceptions = failed.document().path("cause").path("exceptions");
            assertThat(exceptions.get(0).path("type").textValue()).isEqualTo("java.lang.IllegalStateException");
            assertThat(exceptions.get(0).path("message").textValue()).isEqualTo("card declined");
            assertThat(exceptions.get(0).path("stack").size()).isPositive();
            assertThat(exceptions.get(0).path("cause").textValue()).isEqualTo(exceptions.get(1).path("id").textValue());
            assertThat(exceptions.get(1).path("message").textValue()).isEqualTo("gateway said no");
        }
        assertThat(trace.named("## handleRequest").get(0).metadata("orders", "handleRequest response")).isEmpty();
    }

    @Test
    void withErrorsNotCapturedAFailureIsOnlyAFaultWithoutTheMessage() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of("POWERTOOLS_TRACER_CAPTURE_ERROR", "false",
                "POWERTOOLS_TRACER_CAPTURE_RESPONSE", "false"));
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        XRayTraceHeader header = XRayTraceHeader.sampled();

        assertThatThrownBy(() -> tracer.execute("e", TracingTestSupport.context(header), () -> {
            throw new IllegalArgumentException("secret 4111-1111");
        })).hasMessage("secret 4111-1111");

        Subsegment handler = complete(header).named("## handleRequest").get(0);
        assertThat(handler.fault()).isTrue();
        assertThat(handler.document().has("cause")).isFalse();
        assertThat(handler.document().toString()).doesNotContain("4111");
    }

    @Test
    void workOnWorkerThreadsNestsUnderItsOwnInvocationsHandler() throws Exception {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        ExecutorService pool = Invocation.propagating(Executors.newFixedThreadPool(4));
        XRayTraceHeader header = XRayTraceHeader.sampled();
        try {
            tracer.execute("e", TracingTestSupport.context(header), () -> {
                List<Future<String>> parts = List.of(
                        pool.submit(() -> Tracer.subsegment("## part", () -> "a")),
                        pool.submit(() -> Tracer.subsegment("## part", () -> "b")));
                for (Future<String> part : parts) {
                    try {
                        part.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        } finally {
            pool.shutdown();
        }

        XRayTrace trace = complete(header);
        String handlerId = trace.named("## handleRequest").get(0).id();
        assertThat(trace.named("## part")).hasSize(2).allSatisfy(part -> assertThat(part.parentId()).isEqualTo(handlerId));
    }

    @Test
    void aSubsegmentStillOpenWhenTheHandlerEndsIsSentInProgressThenComplete() throws Exception {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        XRayTraceHeader header = XRayTraceHeader.sampled();
        Future<?> background;
        try {
            background = tracer.execute("e", TracingTestSupport.context(header), () -> {
                Future<?> task = pool.submit(Invocation.wrap(() -> Tracer.subsegment("## background", () -> {
                    started.countDown();
                    await(release);
                })));
                await(started);
                return task; // the handler returns while its subsegment is still open
            });
            XRayTrace whileRunning = daemon.awaitTrace(header.root(), t -> !t.named("## background").isEmpty(), WAIT);
            assertThat(whileRunning.named("## background").get(0).inProgress()).isTrue();
            release.countDown();
            background.get();
        } finally {
            pool.shutdown();
        }

        XRayTrace trace = complete(header);
        assertThat(trace.named("## background").get(0).inProgress()).isFalse();
        assertThat(trace.named("## background").get(0).parentId()).isEqualTo(trace.named("## handleRequest").get(0).id());
        assertThat(trace.orphans(header.parent())).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void coldStartIsAnnotatedTrueOnlyOnTheFirstCallOfAnEnvironment() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().build());
        XRayTraceHeader first = XRayTraceHeader.sampled();
        XRayTraceHeader second = XRayTraceHeader.sampled();

        tracer.execute("e", TracingTestSupport.context(first), () -> { });
        tracer.execute("e", TracingTestSupport.context(second), () -> { });

        assertThat(complete(first).named("## handleRequest").get(0).annotation("ColdStart").map(JsonNode::booleanValue))
                .contains(true);
        assertThat(complete(second).named("## handleRequest").get(0).annotation("ColdStart").map(JsonNode::booleanValue))
                .contains(false);
    }

    @Test
    void nothingIsSentWhileSnapStartPrimes() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        TracingOptions options = support.options().build();
        XRayTraceHeader priming = XRayTraceHeader.sampled();
        XRayTraceHeader marker = XRayTraceHeader.sampled();

        try (Invocation.Scope scope = support.environment.openPriming("e", TracingTestSupport.context(priming))) {
            HandlerTracer.of(options).execute("e", scope.invocation().context(), () ->
                    Tracer.subsegment("## primed", () -> assertThat(Tracer.isRecording()).isFalse()));
        }
        HandlerTracer.of(options).execute("e", TracingTestSupport.context(marker), () -> { });
        complete(marker);

        assertThat(daemon.trace(priming.root()).subsegments()).isEmpty();
    }

    @Test
    void outsideAnInvocationTheBodyRunsAndNothingIsRecorded() {
        assertThat(Tracer.isRecording()).isFalse();
        assertThat(Tracer.subsegment("## init", () -> 42)).isEqualTo(42);
        Tracer.putAnnotation("Ignored", "outside");
    }

    @Test
    void aDocumentOverTheDatagramLimitIsSplitIntoOneDocumentPerSubsegmentAndNothingIsLost() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().captureResponse(false).build());
        XRayTraceHeader header = XRayTraceHeader.sampled();
        String twentyKb = "x".repeat(20_000);
        int before = daemon.received();

        tracer.execute("e", TracingTestSupport.context(header), () -> {
            for (int i = 0; i < 5; i++) {
                Tracer.subsegment("## chunk " + i, () -> Tracer.putMetadata("payload", twentyKb));
            }
        });

        XRayTrace trace = daemon.awaitTrace(header.root(), t -> t.subsegments().size() == 6, WAIT);
        String handlerId = trace.named("## handleRequest").get(0).id();
        for (int i = 0; i < 5; i++) {
            Subsegment chunk = trace.named("## chunk " + i).get(0);
            assertThat(chunk.parentId()).isEqualTo(handlerId);
            assertThat(chunk.metadata("default", "payload").map(JsonNode::textValue)).contains(twentyKb);
        }
        assertThat(daemon.datagrams().subList(before, daemon.received()))
                .allSatisfy(datagram -> assertThat(datagram.length).isLessThanOrEqualTo(64_000));
        assertThat(support.reports()).isEmpty();
    }

    @Test
    void metadataThatCannotFitAnyDatagramIsLeftOutAndReportedButTheSubsegmentIsSent() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer tracer = HandlerTracer.of(support.options().captureResponse(false).build());
        XRayTraceHeader header = XRayTraceHeader.sampled();

        tracer.execute("e", TracingTestSupport.context(header), () ->
                Tracer.subsegment("## huge", () -> Tracer.putMetadata("payload", "y".repeat(70_000))));

        XRayTrace trace = daemon.awaitTrace(header.root(), t -> t.subsegments().size() == 2, WAIT);
        assertThat(trace.named("## huge").get(0).metadata("default", "payload")).isEmpty();
        assertThat(support.reports()).contains("trace " + header.root()).contains("'## huge'")
                .contains("left out its metadata");
        assertThat(trace.orphans(header.parent())).isEmpty();
    }

    @Test
    void everyDatagramFollowsTheDaemonProtocol() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        XRayTraceHeader header = XRayTraceHeader.sampled();
        int before = daemon.received();

        HandlerTracer.of(support.options().build()).execute("e", TracingTestSupport.context(header), () -> "ok");
        complete(header);

        byte[] datagram = daemon.datagrams().get(before);
        String text = new String(datagram, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"format\": \"json\", \"version\": 1}\n{\"name\":\"## handleRequest\"");
        assertThat(text.indexOf('\n')).isEqualTo(text.lastIndexOf('\n'));
        assertThat(XRaySegmentValidator.validateDatagram(datagram)).isEmpty();
    }
}
