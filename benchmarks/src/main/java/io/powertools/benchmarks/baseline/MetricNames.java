package io.powertools.benchmarks.baseline;

/** The ten metric names every metrics benchmark writes, built once so no variant pays for them. */
public final class MetricNames {

    /** Metric0 .. Metric9. */
    static final String[] NAMES = new String[10];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = "Metric" + i;
        }
    }

    private MetricNames() {
    }

    /**
     * The i-th name.
     *
     * @param i 0 to 9
     * @return the name
     */
    public static String name(int i) {
        return NAMES[i];
    }
}
