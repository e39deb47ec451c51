package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.handlers.WithoutJacksonHandler;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.LocalRuntimeException;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Jackson is optional: a function whose class path has no Jackson (the runtime client shades its
 * own) logs through the real runtime client, and a feature that needs Jackson fails its init.
 */
class WithoutJacksonTest {


    @Test
    void logsKeysAndScalarValuesAndWritesANoteForObjectValues() throws Exception {
        try (LocalLambdaRuntime runtime = runtime(false).start()) {
            InvocationResult result = runtime.invokeAndWait("{\"orderId\":\"o-1\"}");
            assertThat(result.isSuccess()).as("%s", result.error()).isTrue();

            List<JsonNode> lines = LogLines.jsonLines(runtime.stdoutLines());
            JsonNode accepted = LogLines.first(lines, "Order accepted");
            assertThat(accepted.path("orderId").asText()).isEqualTo("o-1");
            assertThat(accepted.path("total").asInt()).isEqualTo(42);
            assertThat(accepted.path("paid").asBoolean()).isTrue();
            assertThat(accepted.path("currency").asText()).isEqualTo("EUR");
            assertThat(accepted.path("function_request_id").asText()).isEqualTo(result.request().requestId());

            JsonNode details = LogLines.first(lines, "Order details");
            assertThat(details.path("lines").asText())
                    .contains("not written")
                    .contains("com.fasterxml.jackson.core:jackson-databind");
            assertThat(String.join("\n", runtime.stdoutLines()) + String.join("\n", runtime.stderrLines()))
                    .contains("need Jackson on the class path");
        }
    }

    @Test
    void theEventLineNeedsJacksonAndItsAbsenceFailsTheInit() {
        assertThatThrownBy(() -> {
            try (LocalLambdaRuntime runtime = runtime(true).start()) {
                runtime.invokeAndWait("{}");
            }
        }).isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("logEvent")
                .hasMessageContaining("needs Jackson on the class path");
    }

    private static LocalLambdaRuntime.Builder runtime(boolean logEvent) throws Exception {
        Path config = Path.of(WithoutJacksonTest.class.getResource("/log4j2-e2e.xml").toURI());
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jackson") && !entry.contains("jmespath"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classpath).doesNotContain("jackson-databind");
        return LocalLambdaRuntime.builder()
                .handler(WithoutJacksonHandler.class.getName() + "::handleRequest")
                .classpath(classpath)
                .environment("POWERTOOLS_SERVICE_NAME", "no-jackson")
                .environment("LOG_EVENT", Boolean.toString(logEvent))
                .jvmArgs("-Dlog4j2.configurationFile=" + config);
    }
}
