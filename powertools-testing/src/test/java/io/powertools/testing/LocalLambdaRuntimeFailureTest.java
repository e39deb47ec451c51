package io.powertools.testing;

import static io.powertools.testing.RuntimeTestSupport.ECHO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures must end in a clear exception, never a hang. Each test starts its own runtime. */
@Timeout(60)
class LocalLambdaRuntimeFailureTest {

    @Test
    void unknownHandlerClassFailsTheFirstInvocationWithClassNotFound() {
        // Observed runtime client behaviour: it does not post /init/error for a missing class; it polls
        // and answers every invocation with the error, as Lambda does.
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.testing.handlers.NoSuchHandler::handleRequest").start()) {

            InvocationResult result = runtime.invokeAndWait("{}");

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.error().orElseThrow().errorType()).isEqualTo("java.lang.ClassNotFoundException");
            assertThat(result.error().orElseThrow().errorMessage())
                    .isEqualTo("Class not found: io.powertools.testing.handlers.NoSuchHandler");
            assertThatThrownBy(result::response)
                    .hasMessageContaining("Class not found: io.powertools.testing.handlers.NoSuchHandler")
                    .hasMessageContaining("check the handler name");
        }
    }

    @Test
    void unknownHandlerMethodFailsTheFirstInvocationWithBadFunctionCode() {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.testing.handlers.EchoHandler::noSuchMethod").start()) {

            FunctionError error = runtime.invokeAndWait("{}").error().orElseThrow();

            assertThat(error.errorType()).isEqualTo("Runtime.BadFunctionCode");
            assertThat(error.errorMessage()).contains("No public method named noSuchMethod");
        }
    }

    @Test
    void failingStaticInitialiserFailsStartWithTheErrorAndTheChildOutput() {
        LocalLambdaRuntime.Builder builder = LocalLambdaRuntime.builder()
                .handler("io.powertools.testing.handlers.BrokenInitHandler::handleRequest");

        assertThatThrownBy(builder::start)
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("The function failed to initialise")
                .hasMessageContaining("java.lang.ExceptionInInitializerError")
                .hasMessageContaining("BrokenInitHandler")
                .hasMessageContaining("exited with code 1")
                // From the tail of the child's output, which carries the root cause.
                .hasMessageContaining("missing configuration TABLE_NAME");
    }

    @Test
    void classPathWithoutTheRuntimeClientFailsStartWithTheJvmError() {
        LocalLambdaRuntime.Builder builder = LocalLambdaRuntime.builder()
                .handler(ECHO)
                .classpath(List.of(Path.of("target", "test-classes")));

        assertThatThrownBy(builder::start)
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("exited with code 1 before polling for its first invocation")
                .hasMessageContaining("Check the class path")
                .hasMessageContaining("Could not find or load main class " + LocalLambdaRuntime.RIC_MAIN_CLASS);
    }

    @Test
    void childExitFailsTheRunningAndAllLaterInvocations() {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder().handler(ECHO).maxConcurrency(2).start()) {
            CompletableFuture<InvocationResult> crashing = runtime.invoke("{\"exitCode\":3}");

            assertThatThrownBy(crashing::join)
                    .hasCauseInstanceOf(LocalRuntimeException.class)
                    .hasMessageContaining("The child JVM running the function exited with code 3 while serving");
            assertThatThrownBy(() -> runtime.invokeAndWait("{}"))
                    .isInstanceOf(LocalRuntimeException.class)
                    .hasMessageContaining("exited with code 3");
            assertThat(runtime.childProcess().isAlive()).isFalse();
        }
    }

    @Test
    void closeStopsTheChildAndFailsLaterInvocations() {
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder().handler(ECHO).start();
        ProcessHandle child = runtime.childProcess();
        assertThat(child.isAlive()).isTrue();
        CompletableFuture<InvocationResult> pending = runtime.invoke(InvocationRequest.builder()
                .payload("{\"sleepMillis\":10000}").timeout(Duration.ofSeconds(30)).build());

        runtime.close();

        assertThat(child.isAlive()).isFalse();
        assertThatThrownBy(pending::join).hasMessageContaining("was closed");
        assertThatThrownBy(() -> runtime.invokeAndWait("{}"))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("was closed");
        runtime.close(); // idempotent
    }

    @Test
    void builderRejectsMissingAndInvalidSettings() {
        assertThatThrownBy(() -> LocalLambdaRuntime.builder().start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("handler(...) must be set");
        assertThatThrownBy(() -> LocalLambdaRuntime.builder().maxConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> LocalLambdaRuntime.builder().invocationTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invocationTimeout");
        assertThatThrownBy(() -> InvocationRequest.builder().timeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }
}
