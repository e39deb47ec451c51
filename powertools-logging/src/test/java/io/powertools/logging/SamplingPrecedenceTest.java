package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which sampling rate applies, as Powertools for AWS Lambda (Java) documents it: the
 * {@code POWERTOOLS_LOGGER_SAMPLE_RATE} variable, when set, takes precedence over the rate in the
 * options (and so in {@code @Logging(samplingRate)}); otherwise the options' rate; otherwise none.
 */
class SamplingPrecedenceTest {

    private static LoggingConfiguration variables(Map<String, String> variables) {
        return LoggingConfiguration.fromEnvironment(Environment.of(variables));
    }

    @Test
    void theVariableWinsOverTheOptionsWhenSet() {
        LoggingOptions options = LoggingOptions.builder().samplingRate(0.9).build();

        assertThat(options.resolveSamplingRate(variables(Map.of("POWERTOOLS_LOGGER_SAMPLE_RATE", "0.25"))))
                .isEqualTo(0.25);
        assertThat(options.resolveSamplingRate(variables(Map.of("POWERTOOLS_LOGGER_SAMPLE_RATE", "0"))))
                .as("0 set by an operator turns sampling off").isEqualTo(0.0);
    }

    @Test
    void theOptionsApplyWhenTheVariableIsUnset() {
        LoggingOptions options = LoggingOptions.builder().samplingRate(0.9).build();

        assertThat(options.resolveSamplingRate(variables(Map.of()))).isEqualTo(0.9);
    }

    @Test
    void withNeitherThereIsNoSampling() {
        assertThat(LoggingOptions.defaults().resolveSamplingRate(variables(Map.of()))).isEqualTo(0.0);
    }

    @Test
    void theAnnotationDefaultsToFlushingTheBufferOnAnUncaughtExceptionLikePowertools() throws Exception {
        Logging defaults = Annotated.class.getDeclaredMethod("handle").getAnnotation(Logging.class);

        assertThat(defaults.flushBufferOnUncaughtError()).isTrue();
        assertThat(LoggingOptions.defaults().flushBufferOnUncaughtError()).isTrue();
    }

    private static final class Annotated {
        @Logging
        void handle() {
        }
    }
}
