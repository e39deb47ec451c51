package io.powertools.testing.internal;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Generates X-Ray trace headers in the format Lambda passes to the runtime. */
public final class TraceIds {

    private TraceIds() {
    }

    /**
     * Returns a fresh, sampled trace header {@code Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=1}.
     * The first root part is the epoch second, as X-Ray requires.
     *
     * @return a new, unique trace header
     */
    public static String newTraceHeader() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String epochHex = String.format("%08x", Instant.now().getEpochSecond());
        String unique = String.format("%08x%016x", random.nextInt(), random.nextLong());
        String parent = String.format("%016x", random.nextLong());
        return "Root=1-" + epochHex + "-" + unique + ";Parent=" + parent + ";Sampled=1";
    }
}
