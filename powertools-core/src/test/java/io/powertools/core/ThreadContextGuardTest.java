package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.config.Environment;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The MDC (Log4j2's ThreadContext behind SLF4J, as functions run it) a pooled thread carries is
 * the same after an invocation as before it: nothing one invocation puts there reaches the next
 * invocation on that thread, and what the thread had before comes back.
 */
class ThreadContextGuardTest {

    private final ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void entriesPutDuringAnInvocationAreGoneInTheNextOneOnTheSamePooledThread() throws Exception {
        ExecutorService handlerThread = Executors.newSingleThreadExecutor();
        try {
            handlerThread.submit(() -> {
                try (Invocation.Scope scope = environment.open("a", TestContext.withRequestId("A"))) {
                    MDC.put("user", "alice");
                }
            }).get();
            String seenByB = handlerThread.submit(() -> {
                try (Invocation.Scope scope = environment.open("b", TestContext.withRequestId("B"))) {
                    return MDC.get("user");
                }
            }).get();
            assertThat(seenByB).as("invocation B sees A's MDC entry").isNull();
            assertThat(handlerThread.submit(MDC::getCopyOfContextMap).get()).isNullOrEmpty();
        } finally {
            handlerThread.shutdownNow();
            handlerThread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatTheThreadHadBeforeTheInvocationIsPutBack() {
        MDC.put("stage", "init");
        MDC.put("kept", "yes");
        try (Invocation.Scope scope = environment.open("a", TestContext.withRequestId("A"))) {
            MDC.put("stage", "overwritten");
            MDC.remove("kept");
            MDC.put("added", "during");
            assertThat(MDC.get("stage")).isEqualTo("overwritten");
        }
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("stage", "init", "kept", "yes"));
    }

    @Test
    void aJoinedScopeLeavesTheOpenersEntriesInPlace() {
        TestContext context = TestContext.withRequestId("A");
        try (Invocation.Scope outer = environment.open("a", context)) {
            MDC.put("outer", "1");
            try (Invocation.Scope inner = environment.open("a", context)) {
                assertThat(inner.isOwner()).isFalse();
                MDC.put("inner", "2");
            }
            assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("outer", "1", "inner", "2"));
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void propagatedWorkLeavesTheWorkerThreadsContextAsItFoundIt() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            worker.submit(() -> MDC.put("worker", "own")).get();
            try (Invocation.Scope scope = environment.open("a", TestContext.withRequestId("A"))) {
                ExecutorService propagating = Invocation.propagating(worker);
                propagating.submit(() -> {
                    MDC.put("worker", "task");
                    MDC.put("task", "A");
                }).get();
                propagating.submit(() -> MDC.put("runnable", "A"), "done").get();
                worker.submit(Invocation.wrap(() -> {
                    MDC.put("callable", "A");
                    return "done";
                })).get();
            }
            assertThat(worker.submit(MDC::getCopyOfContextMap).get()).isEqualTo(Map.of("worker", "own"));
        } finally {
            worker.shutdownNow();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
