package io.powertools.logging.internal;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The library's own diagnostics (misuse warnings), written through the same pipeline as user lines. */
public final class InternalLog {

    /** Logger name users can tune in log4j2.xml. */
    public static final String NAME = "io.powertools.logging";

    private InternalLog() {
    }

    /**
     * The library's logger.
     *
     * @return the logger
     */
    public static Logger logger() {
        return Holder.LOGGER;
    }

    /**
     * Writes a warning.
     *
     * @param message the warning
     */
    public static void warn(String message) {
        Holder.LOGGER.warn(message);
    }

    /** Lazy so that merely loading library classes does not start Log4j. */
    private static final class Holder {
        static final Logger LOGGER = LogManager.getLogger(NAME);
    }
}
