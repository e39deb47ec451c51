package io.powertools.snapstart.internal;

/**
 * Primes powertools-logging when it is on the class path: its class list covers Log4j2, the JSON
 * Template Layout and the powertools resolvers. Writing a log line would add output to the
 * function's logs, so the layout itself is exercised by invoke priming, not here.
 */
public final class LoggingPriming extends ModulePriming {

    /** Creates the contributor (ServiceLoader). */
    public LoggingPriming() {
        super("powertools-logging", "io.powertools.logging.PowertoolsLogging");
    }
}
