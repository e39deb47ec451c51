package io.powertools.core.json;

import io.powertools.core.config.ConfigurationException;

/**
 * Whether Jackson is on the class path. The core declares its Jackson dependencies optional:
 * logging and metrics work without them, and a function without Jackson starts faster because
 * Log4j2, finding no Jackson, skips initialising an {@code ObjectMapper} for its JSON and YAML
 * configuration formats. {@link Json}, {@link JsonPath} and the features built on them (events,
 * idempotency, batch bodies, object values in logs) need it.
 *
 * <p>This class refers to no Jackson type, so asking never fails.
 */
public final class JsonSupport {

    /** The artifacts the JSON features need, as a user adds them. */
    public static final String ARTIFACTS = "com.fasterxml.jackson.core:jackson-databind, "
            + "com.fasterxml.jackson.datatype:jackson-datatype-jsr310 and io.burt:jmespath-jackson";

    private static final String[] REQUIRED_CLASSES = {
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
        "io.burt.jmespath.jackson.JacksonRuntime",
    };

    private static final boolean AVAILABLE = isAvailable(JsonSupport.class.getClassLoader());

    private JsonSupport() {
    }

    /**
     * Whether {@link Json} and {@link JsonPath} can be used.
     *
     * @return true when every required Jackson class is on the class path
     */
    public static boolean isAvailable() {
        return AVAILABLE;
    }

    /**
     * Fails when Jackson is missing, naming the feature that needs it and the fix. Call it where
     * the feature is configured, so the error surfaces at init rather than at the first request.
     *
     * @param feature what needs JSON support, for example {@code "logEvent"}
     * @throws ConfigurationException when Jackson is not on the class path
     */
    public static void require(String feature) {
        if (!AVAILABLE) {
            throw new ConfigurationException(feature + " needs Jackson on the class path (" + ARTIFACTS
                    + "; powertools-core declares them optional): add them to the function's dependencies, "
                    + "or turn " + feature + " off");
        }
    }

    /** Checks without initialising anything: loading a class does not run its static initialiser. */
    static boolean isAvailable(ClassLoader loader) {
        for (String name : REQUIRED_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }
}
