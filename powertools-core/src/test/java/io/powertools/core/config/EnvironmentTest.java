package io.powertools.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private static final String RATE = "POWERTOOLS_LOGGER_SAMPLE_RATE";

    @Test
    void blankValuesCountAsAbsent() {
        Environment env = Environment.of(Map.of("A", "  ", "B", " value "));
        assertThat(env.get("A")).isEmpty();
        assertThat(env.get("B")).contains("value");
        assertThat(env.get("C", "default")).isEqualTo("default");
    }

    @Test
    void overridesWinOverTheBaseEnvironment() {
        Environment env = Environment.of(Map.of("A", "base", "B", "base")).with(Map.of("A", "override"));
        assertThat(env.get("A")).contains("override");
        assertThat(env.get("B")).contains("base");
    }

    @Test
    void readsDoublesWithinRange() {
        assertThat(Environment.of(Map.of(RATE, "0.25")).getDouble(RATE, 0, 0, 1)).isEqualTo(0.25);
        assertThat(Environment.of(Map.of()).getDouble(RATE, 0.5, 0, 1)).isEqualTo(0.5);
    }

    @Test
    void nonNumericDoubleNamesTheVariableTheValueAndTheRange() {
        assertThatThrownBy(() -> Environment.of(Map.of(RATE, "abc")).getDouble(RATE, 0, 0, 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POWERTOOLS_LOGGER_SAMPLE_RATE='abc' is not valid")
                .hasMessageContaining("a number from 0.0 to 1.0");
    }

    @Test
    void outOfRangeDoubleIsRefused() {
        assertThatThrownBy(() -> Environment.of(Map.of(RATE, "1.5")).getDouble(RATE, 0, 0, 1))
                .hasMessageContaining("'1.5' is not valid");
        assertThatThrownBy(() -> Environment.of(Map.of(RATE, "NaN")).getDouble(RATE, 0, 0, 1))
                .hasMessageContaining("'NaN' is not valid");
    }

    @Test
    void booleansAcceptOnlyTrueAndFalse() {
        assertThat(Environment.of(Map.of("X", "TRUE")).getBoolean("X", false)).isTrue();
        assertThat(Environment.of(Map.of("X", "false")).getBoolean("X", true)).isFalse();
        assertThat(Environment.of(Map.of()).getBoolean("X", true)).isTrue();
        assertThatThrownBy(() -> Environment.of(Map.of("X", "yes")).getBoolean("X", false))
                .hasMessageContaining("X='yes' is not valid: expected true or false");
    }

    @Test
    void intsAreRangeChecked() {
        assertThat(Environment.of(Map.of("N", "16")).getInt("N", 1, 1, 64)).isEqualTo(16);
        assertThatThrownBy(() -> Environment.of(Map.of("N", "0")).getInt("N", 1, 1, 64))
                .hasMessageContaining("a whole number from 1 to 64");
        assertThatThrownBy(() -> Environment.of(Map.of("N", "2.5")).getInt("N", 1, 1, 64))
                .hasMessageContaining("N='2.5'");
    }

    enum Level { DEBUG, INFO }

    @Test
    void enumsMatchIgnoringCaseAndListTheChoices() {
        assertThat(Environment.of(Map.of("L", "debug")).getEnum("L", Level.class, Level.INFO)).isEqualTo(Level.DEBUG);
        assertThatThrownBy(() -> Environment.of(Map.of("L", "LOUD")).getEnum("L", Level.class, Level.INFO))
                .hasMessageContaining("L='LOUD' is not valid: expected one of DEBUG, INFO");
    }

    @Test
    void initializationTypeToleratesUnknownValues() {
        assertThat(InitializationType.from(Environment.of(Map.of(
                Variables.AWS_LAMBDA_INITIALIZATION_TYPE, "provisioned-concurrency"))))
                .isEqualTo(InitializationType.PROVISIONED_CONCURRENCY);
        assertThat(InitializationType.from(Environment.of(Map.of(
                Variables.AWS_LAMBDA_INITIALIZATION_TYPE, "future-type"))))
                .isEqualTo(InitializationType.ON_DEMAND);
    }
}
