package io.powertools.testing.internal;

import io.powertools.testing.XRayTraceHeader;

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
        return XRayTraceHeader.sampled().toString();
    }
}
