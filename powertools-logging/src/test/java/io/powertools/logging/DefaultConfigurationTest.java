package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.handlers.DefaultConfigurationHandler;
import io.powertools.logging.log4j.PowertoolsConfigurationFactory;
import io.powertools.logging.log4j.PowertoolsDefaultConfiguration;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function without a Log4j2 configuration file gets the Powertools setup (JSON lines with the
 * Lambda fields, INFO, the level variables honoured) instead of Log4j2's error-only plain text; a
 * function with its own file keeps it. Runs through the real runtime client in child JVMs whose
 * class path holds this module's classes but not its test configuration.
 */
class DefaultConfigurationTest {

    private static final String NO_CONFIGURATION_WARNING = "No Log4j 2 configuration file found";

    @TempDir
    Path functionClasses;

    @Test
    void functionWithoutConfigurationFileWritesPowertoolsJsonLinesAtInfo() throws Exception {
        try (LocalLambdaRuntime runtime = runtime().start()) {
            InvocationResult result = runtime.invokeAndWait("{\"orderId\":\"o-1\"}");
            assertThat(result.isSuccess()).as("%s", result.error()).isTrue();

            List<JsonNode> lines = LogLines.jsonLines(runtime.stdoutLines());
            JsonNode accepted = LogLines.first(lines, "Order accepted");
            assertThat(accepted.path("level").asText()).isEqualTo("INFO");
            assertThat(accepted.path("service").asText()).isEqualTo("default-config");
            assertThat(accepted.path("cold_start").asBoolean()).isTrue();
            assertThat(accepted.path("function_request_id").asText()).isEqualTo(result.request().requestId());
            assertThat(accepted.path("orderId").asText()).isEqualTo("o-1");
            assertThat(accepted.path("logger").asText()).isEqualTo(DefaultConfigurationHandler.class.getName());

            JsonNode failed = LogLines.first(lines, "Payment failed");
            assertThat(failed.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(failed.path("error").path("stack").asText()).contains("card declined", "\tat ");

            assertThat(lines).noneMatch(line -> "Order detail".equals(line.path("message").asText()));
            assertThat(String.join("\n", runtime.stderrLines())).doesNotContain(NO_CONFIGURATION_WARNING);
        }
    }

    @Test
    void levelVariableLowersTheDefaultLevel() throws Exception {
        try (LocalLambdaRuntime runtime = runtime().environment("POWERTOOLS_LOG_LEVEL", "DEBUG").start()) {
            assertThat(runtime.invokeAndWait("{\"orderId\":\"o-2\"}").isSuccess()).isTrue();

            JsonNode detail = LogLines.first(LogLines.jsonLines(runtime.stdoutLines()), "Order detail");
            assertThat(detail.path("level").asText()).isEqualTo("DEBUG");
        }
    }

    @Test
    void levelVariableAppliesEvenWithoutTheLoggingApi() throws Exception {
        try (LocalLambdaRuntime runtime = runtime()
                .environment("PLAIN_SLF4J", "true")
                .environment("AWS_LAMBDA_LOG_LEVEL", "DEBUG")
                .start()) {
            assertThat(runtime.invokeAndWait("{\"orderId\":\"o-4\"}").isSuccess()).isTrue();

            List<JsonNode> lines = LogLines.jsonLines(runtime.stdoutLines());
            assertThat(LogLines.first(lines, "Order detail").path("level").asText()).isEqualTo("DEBUG");
            // No invocation was opened, so the line has no request fields, and no null in their place.
            assertThat(LogLines.first(lines, "Order accepted").has("function_request_id")).isFalse();
        }
    }

    @Test
    void functionWithItsOwnConfigurationFileKeepsIt() throws Exception {
        Files.writeString(functionClasses.resolve("log4j2.xml"), String.join("\n",
                "<Configuration status=\"WARN\">",
                "  <Appenders><Console name=\"Out\"><PatternLayout pattern=\"PLAIN %p %m%n\"/></Console></Appenders>",
                "  <Loggers><Root level=\"INFO\"><AppenderRef ref=\"Out\"/></Root></Loggers>",
                "</Configuration>"));
        try (LocalLambdaRuntime runtime = runtime().start()) {
            assertThat(runtime.invokeAndWait("{\"orderId\":\"o-3\"}").isSuccess()).isTrue();

            assertThat(runtime.stdoutLines()).contains("PLAIN INFO Order accepted", "PLAIN ERROR Payment failed");
            assertThat(runtime.stdoutLines()).noneMatch(line -> line.contains("\"message\":\"Order accepted\""));
        }
    }

    @Test
    void factoryStepsAsideForAnExplicitLocationAndForAConfigurationFile() throws Exception {
        PowertoolsConfigurationFactory factory = new PowertoolsConfigurationFactory();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);

        assertThat(factory.getConfiguration(context, "x", new URI("classpath:log4j2-test.xml"))).isNull();
        // This JVM has log4j2-test.xml on its class path, so Log4j2's own search must be left to find it.
        assertThat(factory.getConfiguration(context, "x", (URI) null)).isNull();
        assertThat(context.getConfiguration()).isNotInstanceOf(PowertoolsDefaultConfiguration.class);
    }

    private LocalLambdaRuntime.Builder runtime() throws IOException {
        copyHandlerClass();
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        List<String> entries = new ArrayList<>();
        entries.add(functionClasses.toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().toString().equals(testClasses)) {
                entries.add(entry);
            }
        }
        return LocalLambdaRuntime.builder()
                .handler(DefaultConfigurationHandler.class.getName() + "::handleRequest")
                .classpath(String.join(File.pathSeparator, entries))
                .environment("POWERTOOLS_SERVICE_NAME", "default-config");
    }

    /** The handler alone, without the test resources (log4j2-test.xml) that sit beside it. */
    private void copyHandlerClass() throws IOException {
        String name = DefaultConfigurationHandler.class.getName().replace('.', '/') + ".class";
        Path source = Path.of("target", "test-classes", name);
        Path target = functionClasses.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
    }
}
