package io.powertools.snapstart.internal;

/**
 * Primes powertools-metrics when it is on the class path: its class list covers the metrics API,
 * validation and the EMF writer. Nothing is written: priming must not emit EMF lines.
 */
public final class MetricsPriming extends ModulePriming {

    /** Creates the contributor (ServiceLoader). */
    public MetricsPriming() {
        super("powertools-metrics", "io.powertools.metrics.Metrics");
    }
}
