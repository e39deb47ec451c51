package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.config.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InvocationTest {

    private final ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));

    @Test
    void isBoundToTheThreadOnlyWhileOpen() {
        assertThat(Invocation.current()).isEmpty();
        TestContext context = TestContext.random();
        try (Invocation.Scope scope = environment.open("event", context)) {
            assertThat(scope.isOwner()).isTrue();
            assertThat(Invocation.current()).containsSame(scope.invocation());
            assertThat(Invocation.require()).isSameAs(scope.invocation());
            assertThat(Invocation.currentOrNull()).isSameAs(scope.invocation());
        }
        assertThat(Invocation.current()).isEmpty();
        assertThat(Invocation.currentOrNull()).isNull();
    }

    @Test
    void exposesTheRequestFacts() {
        TestContext context = new TestContext("req-1", "Root=1-abc", "tenant-a", 10_000);
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (Invocation.Scope scope = environment.open("the event", context)) {
            Invocation invocation = scope.invocation();
            assertThat(invocation.requestId()).isEqualTo("req-1");
            assertThat(invocation.traceId()).contains("Root=1-abc");
            assertThat(invocation.tenantId()).contains("tenant-a");
            assertThat(invocation.event()).isEqualTo("the event");
            assertThat(invocation.context()).isSameAs(context);
            assertThat(invocation.deadline()).isBetween(before.plusMillis(10_000), Instant.now().plusMillis(10_001));
            assertThat(invocation.remainingTime()).isEqualTo(Duration.ofMillis(10_000));
            assertThat(invocation.executionEnvironment()).isSameAs(environment);
        }
    }

    @Test
    void blankTenantMeansNoTenant() {
        try (Invocation.Scope scope = environment.open(null, new TestContext("r", null, " ", 1000))) {
            assertThat(scope.invocation().tenantId()).isEmpty();
        }
    }

    @Test
    void requireOutsideAHandlerNamesTheThreadAndTheFix() {
        assertThatThrownBy(Invocation::require)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Invocation is open on thread '" + Thread.currentThread().getName() + "'")
                .hasMessageContaining("Invocation.wrap");
    }

    @Test
    void nullContextIsRefusedWithTheFix() {
        assertThatThrownBy(() -> environment.open("e", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("FakeContext");
    }

    @Test
    void nestedOpenForTheSameRequestJoinsAndOnlyTheOpenerCloses() {
        TestContext context = TestContext.random();
        try (Invocation.Scope outer = environment.open("e", context)) {
            try (Invocation.Scope inner = environment.open("e", TestContext.withRequestId(context.requestId()))) {
                assertThat(inner.isOwner()).isFalse();
                assertThat(inner.invocation()).isSameAs(outer.invocation());
            }
            assertThat(outer.invocation().isOpen()).isTrue();
            assertThat(Invocation.current()).containsSame(outer.invocation());
        }
        assertThat(Invocation.current()).isEmpty();
    }

    @Test
    void nestedOpenForAnotherRequestIsANewInvocationAndRestoresTheOuterOne() {
        try (Invocation.Scope outer = environment.open("e", TestContext.random())) {
            try (Invocation.Scope inner = environment.open("e", TestContext.random())) {
                assertThat(inner.isOwner()).isTrue();
                assertThat(inner.invocation()).isNotSameAs(outer.invocation());
                assertThat(Invocation.current()).containsSame(inner.invocation());
            }
            assertThat(Invocation.current()).containsSame(outer.invocation());
        }
    }

    @Test
    void contextsWithoutRequestIdsNeverJoinEachOther() {
        try (Invocation.Scope outer = environment.open("e", TestContext.withRequestId(null))) {
            try (Invocation.Scope inner = environment.open("e", TestContext.withRequestId(null))) {
                assertThat(inner.isOwner()).isTrue();
            }
            assertThat(outer.invocation().isOpen()).isTrue();
        }
    }

    @Test
    void closeActionsRunInReverseOrderAndAllRunWhenOneFails() {
        List<String> ran = new ArrayList<>();
        Invocation.Scope scope = environment.open("e", TestContext.random());
        scope.invocation().onClose(() -> ran.add("first"));
        scope.invocation().onClose(() -> {
            ran.add("second");
            throw new IllegalStateException("second failed");
        });
        scope.invocation().onClose(() -> ran.add("third"));

        assertThatThrownBy(scope::close).hasMessage("second failed");
        assertThat(ran).containsExactly("third", "second", "first");
        assertThat(Invocation.current()).as("unbound even when a close action fails").isEmpty();
        assertThat(scope.invocation().isOpen()).isFalse();
    }

    @Test
    void closingTwiceRunsCloseActionsOnce() {
        List<String> ran = new ArrayList<>();
        Invocation.Scope scope = environment.open("e", TestContext.random());
        scope.invocation().onClose(() -> ran.add("closed"));
        scope.close();
        scope.close();
        assertThat(ran).containsExactly("closed");
    }

    @Test
    void closeActionsCannotBeAddedAfterClose() {
        Invocation.Scope scope = environment.open("e", TestContext.withRequestId("late"));
        scope.close();
        assertThatThrownBy(() -> scope.invocation().onClose(() -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("late is already closed");
    }

    @Test
    void mustBeClosedOnTheOpeningThread() throws Exception {
        Invocation.Scope scope = environment.open("e", TestContext.random());
        try {
            Throwable failure = CompletableFuture.supplyAsync(() -> {
                try {
                    scope.close();
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            }).get();
            assertThat(failure).hasMessageContaining("must be closed on the thread that opened it");
            assertThat(scope.invocation().isOpen()).isTrue();
        } finally {
            scope.close();
        }
    }

    @Test
    void attachmentsAreDroppedWhenTheInvocationCloses() {
        InvocationLocal<String> local = InvocationLocal.of("value");
        Invocation invocation;
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            invocation = scope.invocation();
            local.set("kept while open");
            assertThat(local.find(invocation)).contains("kept while open");
        }
        assertThat(local.find(invocation)).isEmpty();
    }
}
