package io.powertools.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.testing.XRayDaemon;
import io.powertools.testing.XRayTraceHeader;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** X-Ray's rules are checked at every call, sampled or not, so a mistake shows in any test. */
class TracerTest {

    private static XRayDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = XRayDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static void inUnsampledInvocation(Runnable body) {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer.of(support.options().build()).execute("e",
                TracingTestSupport.context(XRayTraceHeader.notSampled()), body);
    }

    @Test
    void annotationKeysAreLettersDigitsAndUnderscores() {
        inUnsampledInvocation(() -> {
            assertThatThrownBy(() -> Tracer.putAnnotation("order.id", "1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'.'")
                    .hasMessageContaining("use metadata for others");
            assertThatThrownBy(() -> Tracer.putAnnotation("", "1")).isInstanceOf(IllegalArgumentException.class);
            Tracer.putAnnotation("order_Id9", "1");
        });
    }

    @Test
    void annotationValuesAreShortStringsFiniteNumbersOrBooleans() {
        inUnsampledInvocation(() -> {
            assertThatThrownBy(() -> Tracer.putAnnotation("Note", "n".repeat(1001)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1000");
            assertThatThrownBy(() -> Tracer.putAnnotation("Ratio", Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
            assertThatThrownBy(() -> Tracer.putAnnotation("Missing", (String) null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        });
    }

    @Test
    void subsegmentNamesAndMetadataNamespacesFollowXRay() {
        inUnsampledInvocation(() -> {
            assertThatThrownBy(() -> Tracer.subsegment("save<order>", () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'<'");
            assertThatThrownBy(() -> Tracer.subsegment("n".repeat(201), () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 200");
            assertThatThrownBy(() -> Tracer.putMetadata("AWS.internal", "k", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserves");
            Tracer.subsegment("## save: orders/eu-west-1 #1 @primary", () -> { });
        });
    }

    @Test
    void anInvocationKeepsAtMostFiftyAnnotationsAsXRayIndexesNoMore() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        HandlerTracer.of(support.options().build()).execute("e", TracingTestSupport.context(XRayTraceHeader.sampled()), () -> {
            // ColdStart and Service are two of them.
            for (int i = 0; i < 48; i++) {
                Tracer.putAnnotation("Key" + i, i);
            }
            Tracer.putAnnotation("Key0", "replacing a key does not count again");
            assertThatThrownBy(() -> Tracer.putAnnotation("OneTooMany", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number 51")
                    .hasMessageContaining("at most 50");
        });
    }

    @Test
    void aRecordedInvocationWithoutAnOpenSubsegmentSaysWhereAnnotationsCanGo() {
        TracingTestSupport support = new TracingTestSupport(daemon, Map.of());
        io.powertools.testing.FakeContext context = TracingTestSupport.context(XRayTraceHeader.sampled());
        try (io.powertools.core.Invocation.Scope scope = support.environment.open("e", context)) {
            io.powertools.tracing.internal.TraceState.of(scope.invocation(),
                    io.powertools.tracing.internal.TracingConfig.resolve(support.environment, null, null, null, null,
                            null, java.time.Clock.systemUTC(), System.err));
            assertThatThrownBy(() -> Tracer.putAnnotation("OrderId", "1"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("No subsegment is open")
                    .hasMessageContaining("HandlerTracer or @Tracing");
            assertThat(Tracer.subsegment("## ok", Tracer::isRecording)).isTrue();
        }
    }
}
