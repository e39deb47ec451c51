package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SnapStart emulation: CRaC hooks run around a restore before the first invocation. */
@Timeout(60)
class SnapStartRuntimeTest {

    private static final String HANDLER = "io.powertools.testing.handlers.SnapStartHandler::handleRequest";

    @Test
    void hooksRunAroundTheRestoreBeforeTheFirstInvocation() {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder().handler(HANDLER).snapStart(true).start()) {

            InvocationResult result = runtime.invokeAndWait("\"ping\"");

            assertThat(result.response()).isEqualTo("\"restored=true\"");
            assertThat(runtime.restoreCount()).isEqualTo(1);
            List<String> lines = RuntimeTestSupport.awaitStdoutLine(runtime,
                    line -> line.contains("snapstart-after-restore"));
            assertThat(lines).filteredOn(line -> line.startsWith("snapstart-"))
                    .containsExactly("snapstart-before-checkpoint", "snapstart-after-restore");
        }
    }

    @Test
    void failingAfterRestoreHookFailsStart() {
        LocalLambdaRuntime.Builder builder = LocalLambdaRuntime.builder()
                .handler(HANDLER)
                .snapStart(true)
                .jvmArgs("-Dsnapstart.failRestore=true");

        assertThatThrownBy(builder::start)
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("cannot reconnect after restore")
                .hasMessageContaining("exited with code 64");
    }
}
