package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.logging.handlers.AnnotatedHandler;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.LocalRuntimeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An invalid variable fails the woven handler's init (its constructor), not its first request. */
class InitFailureTest {

    @Test
    void invalidLogLevelFailsTheInit() throws Exception {
        Path config = Path.of(InitFailureTest.class.getResource("/log4j2-e2e.xml").toURI());
        assertThatThrownBy(() -> {
            try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                    .handler(AnnotatedHandler.class.getName() + "::handleRequest")
                    .classpath(System.getProperty("java.class.path"))
                    .environment("POWERTOOLS_LOG_LEVEL", "LOUD")
                    .jvmArgs("-Dlog4j2.configurationFile=" + config)
                    .start()) {
                runtime.invokeAndWait("{}");
            }
        }).isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("POWERTOOLS_LOG_LEVEL")
                .hasMessageContaining("LOUD");
    }
}
