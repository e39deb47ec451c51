package io.powertools.logging.internal;

/**
 * Process-wide facts the level filter checks before looking at the invocation, so functions that
 * do not sample pay nothing for sampling. Set at init, only ever switched on.
 */
public final class Switches {

    private static volatile boolean sampling;

    private Switches() {
    }

    /** Records that some handler samples DEBUG. */
    public static void enableSampling() {
        sampling = true;
    }

    /**
     * Whether any handler samples DEBUG.
     *
     * @return true once enabled
     */
    public static boolean sampling() {
        return sampling;
    }
}
