package io.powertools.core.config;

/**
 * A configuration value that cannot be used: thrown while the function initialises, never at the
 * first request, with a message naming the setting, the value found and what is allowed.
 */
public final class ConfigurationException extends IllegalArgumentException {

    /**
     * Creates the exception.
     *
     * @param message what was wrong and how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception for a value of an environment variable.
     *
     * @param variable the variable's name
     * @param value the value found
     * @param allowed a description of the allowed values
     * @return the exception to throw
     */
    public static ConfigurationException invalidValue(String variable, String value, String allowed) {
        return new ConfigurationException(
                variable + "='" + value + "' is not valid: expected " + allowed
                        + ". Fix the function's environment variable or remove it to use the default.");
    }
}
