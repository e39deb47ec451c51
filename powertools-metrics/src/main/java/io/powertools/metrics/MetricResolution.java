package io.powertools.metrics;

/**
 * How finely CloudWatch stores a metric: the EMF {@code StorageResolution} of the metric.
 */
public enum MetricResolution {
    /** One-minute resolution, the default ({@code StorageResolution} 60, omitted from the blob). */
    STANDARD(60),
    /** One-second resolution ({@code StorageResolution} 1): costs more, shows sub-minute spikes. */
    HIGH(1);

    private final int seconds;

    MetricResolution(int seconds) {
        this.seconds = seconds;
    }

    /**
     * The storage resolution in seconds, as written in the blob.
     *
     * @return 60 or 1
     */
    public int seconds() {
        return seconds;
    }
}
