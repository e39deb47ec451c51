package io.powertools.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The process environment as the library reads it: every {@code POWERTOOLS_*} and
 * {@code AWS_LAMBDA_*} variable goes through one instance of this interface, so tests replace
 * the whole environment by passing {@link #of(Map)} instead of patching {@link System#getenv()}.
 *
 * <p>Blank values count as absent. The typed readers validate the value and throw a
 * {@link ConfigurationException} naming the variable, the value and what is allowed:
 *
 * <pre>{@code
 * Environment env = Environment.system();
 * double rate = env.getDouble("POWERTOOLS_LOGGER_SAMPLE_RATE", 0.0, 0.0, 1.0);
 * }</pre>
 */
@FunctionalInterface
public interface Environment {

    /**
     * Looks a variable up.
     *
     * @param name the variable's name
     * @return its value, or the raw value as found; may be blank
     */
    String raw(String name);

    /**
     * The real process environment.
     *
     * @return an environment backed by {@link System#getenv(String)}
     */
    static Environment system() {
        return System::getenv;
    }

    /**
     * A fixed environment, typically for tests.
     *
     * @param variables the variables; copied
     * @return an environment holding exactly these variables
     */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }

    /**
     * This environment with some variables replaced or added.
     *
     * @param overrides variables that win over this environment's; copied
     * @return the combined environment
     */
    default Environment with(Map<String, String> overrides) {
        Map<String, String> copy = Map.copyOf(overrides);
        return name -> copy.containsKey(name) ? copy.get(name) : raw(name);
    }

    /**
     * Reads a variable as text.
     *
     * @param name the variable's name
     * @return the trimmed value, or empty when unset or blank
     */
    default Optional<String> get(String name) {
        String value = raw(Objects.requireNonNull(name, "name"));
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    /**
     * Reads a variable as text with a default.
     *
     * @param name the variable's name
     * @param defaultValue used when the variable is unset or blank
     * @return the value or the default
     */
    default String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /**
     * Reads a boolean variable; only {@code true} and {@code false} (any case) are accepted, so a
     * typo such as {@code "ture"} fails instead of silently meaning false.
     *
     * @param name the variable's name
     * @param defaultValue used when the variable is unset or blank
     * @return the value
     * @throws ConfigurationException when the value is neither true nor false
     */
    default boolean getBoolean(String name, boolean defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String text = value.get().toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw ConfigurationException.invalidValue(name, value.get(), "true or false");
    }

    /**
     * Reads a decimal number within a closed range.
     *
     * @param name the variable's name
     * @param defaultValue used when the variable is unset or blank
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws ConfigurationException when the value is not a number or out of range
     */
    default double getDouble(String name, double defaultValue, double min, double max) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String allowed = "a number from " + min + " to " + max;
        double parsed;
        try {
            parsed = Double.parseDouble(value.get());
        } catch (NumberFormatException e) {
            throw ConfigurationException.invalidValue(name, value.get(), allowed);
        }
        if (!(parsed >= min && parsed <= max)) {
            throw ConfigurationException.invalidValue(name, value.get(), allowed);
        }
        return parsed;
    }

    /**
     * Reads a whole number within a closed range.
     *
     * @param name the variable's name
     * @param defaultValue used when the variable is unset or blank
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws ConfigurationException when the value is not a whole number or out of range
     */
    default int getInt(String name, int defaultValue, int min, int max) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String allowed = "a whole number from " + min + " to " + max;
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw ConfigurationException.invalidValue(name, value.get(), allowed);
        }
        if (parsed < min || parsed > max) {
            throw ConfigurationException.invalidValue(name, value.get(), allowed);
        }
        return parsed;
    }

    /**
     * Reads one of an enum's constants, matched by name ignoring case, with {@code -} read as
     * {@code _} (so {@code snap-start} matches {@code SNAP_START}).
     *
     * @param name the variable's name
     * @param type the enum type
     * @param defaultValue used when the variable is unset or blank
     * @param <E> the enum type
     * @return the constant
     * @throws ConfigurationException when no constant matches
     */
    default <E extends Enum<E>> E getEnum(String name, Class<E> type, E defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String wanted = value.get().replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder("one of ");
        E[] constants = type.getEnumConstants();
        for (int i = 0; i < constants.length; i++) {
            allowed.append(i == 0 ? "" : ", ").append(constants[i].name());
        }
        throw ConfigurationException.invalidValue(name, value.get(), allowed.append(" (any case)").toString());
    }
}
