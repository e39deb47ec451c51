package io.powertools.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InvokePrimingTest {

    private final ExecutionEnvironment environment = CracHooksTest.snapStartEnvironment();
    private final SnapStart snapStart = SnapStart.builder().executionEnvironment(environment)
            .discoverLibraries(false).build();

    @Test
    void runsTheHandlerTheGivenNumberOfTimesInsidePrimingInvocations() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        snapStart.primeInvocations(InvokePriming.of("orders", (String event, com.amazonaws.services.lambda.runtime.Context context) -> {
            Invocation invocation = Invocation.require();
            // A utility inside the handler opens the invocation again: it joins the priming one.
            try (Invocation.Scope nested = Invocation.open(event, context)) {
                seen.add(event + " priming=" + nested.invocation().isPriming() + " owner=" + nested.isOwner()
                        + " cold=" + invocation.isColdStart() + " id=" + context.getAwsRequestId()
                        + " trace=" + invocation.traceId().isPresent());
            }
            return null;
        }, "dummy").times(2));

        PrimingSummary summary = snapStart.runBeforeCheckpoint();

        assertThat(seen).containsExactly(
                "dummy priming=true owner=false cold=false id=snapstart-priming-orders-1 trace=false",
                "dummy priming=true owner=false cold=false id=snapstart-priming-orders-2 trace=false");
        assertThat(summary.primingInvocations()).isEqualTo(2);
        assertThat(environment.coldStart().isTaken()).as("priming never takes the cold start").isFalse();
        assertThat(Invocation.current()).as("nothing left bound to the thread").isEmpty();
    }

    @Test
    void givesEachRunAFreshEventWhenAskedTo() throws Exception {
        AtomicInteger created = new AtomicInteger();
        List<List<String>> events = new ArrayList<>();
        snapStart.primeInvocations(InvokePriming.withEvents("mutating", (List<String> event, com.amazonaws.services.lambda.runtime.Context context) -> {
            event.add("handled");
            events.add(event);
            return null;
        }, () -> new ArrayList<>(List.of("event-" + created.incrementAndGet()))).times(3));

        snapStart.runBeforeCheckpoint();

        assertThat(events).containsExactly(List.of("event-1", "handled"), List.of("event-2", "handled"),
                List.of("event-3", "handled"));
    }

    @Test
    void aFailingRunNamesThePrimingAndTheRun() {
        AtomicInteger runs = new AtomicInteger();
        snapStart.primeInvocations(InvokePriming.of("payments", (Object event, com.amazonaws.services.lambda.runtime.Context context) -> {
            if (runs.incrementAndGet() == 2) {
                throw new IllegalStateException("downstream unavailable");
            }
            return null;
        }, null));

        assertThatThrownBy(snapStart::runBeforeCheckpoint).isInstanceOf(SnapStartHookException.class)
                .hasMessage("SnapStart beforeCheckpoint hook 'prime invocations: payments (run 2 of 3)' failed: "
                        + "java.lang.IllegalStateException: downstream unavailable");
        assertThat(runs).hasValue(2);
        assertThat(Invocation.current()).as("the failed run's invocation was closed").isEmpty();
    }

    @Test
    void rejectsInvalidConfigurationWhenBuilt() {
        assertThatThrownBy(() -> InvokePriming.of(" ", (Object e, com.amazonaws.services.lambda.runtime.Context c) -> null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
        InvokePriming<Object> priming = InvokePriming.of("x", (e, c) -> null, null);
        assertThatThrownBy(() -> priming.times(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("InvokePriming 'x': times must be from 1 to 10000 but was 0");
        assertThat(priming.times(5).times()).isEqualTo(5);
        assertThat(priming.times()).as("immutable").isEqualTo(InvokePriming.DEFAULT_TIMES);
    }
}
