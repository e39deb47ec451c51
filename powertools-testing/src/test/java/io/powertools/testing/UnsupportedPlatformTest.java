package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.powertools.testing.internal.RuntimeClientPlatform;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;
import org.opentest4j.TestAbortedException;

/**
 * Where the runtime client cannot run, starting a runtime says so before anything starts, and a
 * JUnit test that does it is skipped with that reason rather than failed.
 */
class UnsupportedPlatformTest {

    @Test
    void linuxOnX86AndArmIsSupported() {
        assertThat(RuntimeClientPlatform.problem("Linux", "amd64")).isNull();
        assertThat(RuntimeClientPlatform.problem("Linux", "x86_64")).isNull();
        assertThat(RuntimeClientPlatform.problem("Linux", "aarch64")).isNull();
    }

    @Test
    void otherSystemsAndCpusAreNot() {
        assertThat(RuntimeClientPlatform.problem("Mac OS X", "aarch64")).contains("Mac OS X aarch64");
        assertThat(RuntimeClientPlatform.problem("Windows 11", "amd64")).contains("Windows 11 amd64");
        assertThat(RuntimeClientPlatform.problem("Linux", "riscv64")).contains("Linux riscv64");
    }

    @Test
    void startFailsEarlyNamingThePlatformAndTheWayOut() {
        LocalLambdaRuntime.Builder builder = LocalLambdaRuntime.builder()
                .handler(RuntimeTestSupport.ECHO)
                .platform("Mac OS X", "aarch64");

        assertThatThrownBy(builder::start)
                .isInstanceOf(UnsupportedPlatformException.class)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("runs only on Linux x86_64 and aarch64")
                .hasMessageContaining("Mac OS X aarch64")
                .hasMessageContaining("Run the tests that use LocalLambdaRuntime on Linux")
                .satisfies(e -> {
                    UnsupportedPlatformException unsupported = (UnsupportedPlatformException) e;
                    assertThat(unsupported.osName()).isEqualTo("Mac OS X");
                    assertThat(unsupported.osArch()).isEqualTo("aarch64");
                });
    }

    @Test
    void aTestThatStartsARuntimeThereIsSkippedWithTheReason() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(StartsOnAnUnsupportedPlatform.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).aborted(1).failed(0).succeeded(0))
                .assertThatEvents()
                .haveExactly(1, EventConditions.event(EventConditions.abortedWithReason(
                        TestExecutionResultConditions.instanceOf(UnsupportedPlatformException.class),
                        TestExecutionResultConditions.message(m -> m.contains("Windows 11 amd64")))));
    }

    /** Run only through the engine above (surefire does not pick up nested classes). */
    static class StartsOnAnUnsupportedPlatform {

        @Test
        void invokesAFunction() {
            try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                    .handler(RuntimeTestSupport.ECHO)
                    .platform("Windows 11", "amd64")
                    .start()) {
                runtime.invokeAndWait("{}");
            }
        }
    }
}
