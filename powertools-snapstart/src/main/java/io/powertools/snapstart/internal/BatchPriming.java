package io.powertools.snapstart.internal;

/**
 * Primes powertools-batch when it is on the class path: its class list covers the processors, the
 * event types and the record body deserialisers (core's Jackson configuration is primed by
 * {@link CorePriming}).
 */
public final class BatchPriming extends ModulePriming {

    /** Creates the contributor (ServiceLoader). */
    public BatchPriming() {
        super("powertools-batch", "io.powertools.batch.SqsBatchProcessor");
    }
}
