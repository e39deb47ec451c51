package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.config.ConfigurationException;
import io.powertools.core.config.Environment;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static LoggingConfiguration read(Map<String, String> variables) {
        return LoggingConfiguration.fromEnvironment(Environment.of(variables));
    }

    @Test
    void defaults() {
        LoggingConfiguration configuration = read(Map.of());
        assertThat(configuration.level()).isEmpty();
        assertThat(configuration.sampleRate()).isZero();
        assertThat(configuration.logEvent()).isFalse();
        assertThat(configuration.logResponse()).isFalse();
        assertThat(configuration.logError()).isFalse();
        assertThat(configuration.serviceName()).isEqualTo("service_undefined");
        assertThat(configuration.warnings()).isEmpty();
    }

    @Test
    void readsEveryVariable() {
        LoggingConfiguration configuration = read(Map.of(
                "POWERTOOLS_LOG_LEVEL", "debug",
                "POWERTOOLS_LOGGER_SAMPLE_RATE", "0.25",
                "POWERTOOLS_LOGGER_LOG_EVENT", "true",
                "POWERTOOLS_LOGGER_LOG_RESPONSE", "TRUE",
                "POWERTOOLS_LOGGER_LOG_ERROR", "true",
                "POWERTOOLS_LOGGER_REDACT_KEYS", "password, authorization",
                "POWERTOOLS_SERVICE_NAME", "orders"));
        assertThat(configuration.level()).contains(Level.DEBUG);
        assertThat(configuration.sampleRate()).isEqualTo(0.25);
        assertThat(configuration.logEvent()).isTrue();
        assertThat(configuration.logResponse()).isTrue();
        assertThat(configuration.logError()).isTrue();
        assertThat(configuration.redactKeys()).containsExactlyInAnyOrder("password", "authorization");
        assertThat(configuration.serviceName()).isEqualTo("orders");
    }

    @Test
    void powertoolsLevelWinsOverLambdaLevelWithAWarningWhenMoreVerbose() {
        LoggingConfiguration configuration = read(Map.of(
                "POWERTOOLS_LOG_LEVEL", "DEBUG", "AWS_LAMBDA_LOG_LEVEL", "WARN"));
        assertThat(configuration.level()).contains(Level.DEBUG);
        assertThat(configuration.lambdaLevel()).contains(Level.WARN);
        assertThat(configuration.warnings()).singleElement().asString()
                .contains("POWERTOOLS_LOG_LEVEL=DEBUG").contains("AWS_LAMBDA_LOG_LEVEL=WARN").contains("drop");
    }

    @Test
    void lambdaLevelAppliesWhenPowertoolsLevelIsUnset() {
        LoggingConfiguration configuration = read(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR"));
        assertThat(configuration.level()).contains(Level.ERROR);
        assertThat(configuration.warnings()).isEmpty();
    }

    @Test
    void noWarningWhenPowertoolsLevelIsStricter() {
        assertThat(read(Map.of("POWERTOOLS_LOG_LEVEL", "ERROR", "AWS_LAMBDA_LOG_LEVEL", "INFO")).warnings()).isEmpty();
    }

    @Test
    void samplingWithAStrictLambdaLevelWarns() {
        assertThat(read(Map.of("POWERTOOLS_LOGGER_SAMPLE_RATE", "0.1", "AWS_LAMBDA_LOG_LEVEL", "WARN")).warnings())
                .anySatisfy(warning -> assertThat(warning).contains("POWERTOOLS_LOGGER_SAMPLE_RATE"));
    }

    @Test
    void invalidValuesFailNamingTheVariable() {
        assertThatThrownBy(() -> read(Map.of("POWERTOOLS_LOG_LEVEL", "LOUD")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("POWERTOOLS_LOG_LEVEL")
                .hasMessageContaining("LOUD");
        assertThatThrownBy(() -> read(Map.of("AWS_LAMBDA_LOG_LEVEL", "verbose")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AWS_LAMBDA_LOG_LEVEL");
        assertThatThrownBy(() -> read(Map.of("POWERTOOLS_LOGGER_SAMPLE_RATE", "2")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("POWERTOOLS_LOGGER_SAMPLE_RATE");
        assertThatThrownBy(() -> read(Map.of("POWERTOOLS_LOGGER_LOG_EVENT", "yes")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("POWERTOOLS_LOGGER_LOG_EVENT");
        assertThatThrownBy(() -> read(Map.of("POWERTOOLS_LOGGER_LOG_RESPONSE", "1")))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> read(Map.of("POWERTOOLS_LOGGER_LOG_ERROR", "ture")))
                .isInstanceOf(ConfigurationException.class);
    }
}
