package io.powertools.metrics.internal;

import io.powertools.metrics.MetricResolution;
import io.powertools.metrics.MetricUnit;
import java.util.Arrays;

/**
 * The values of one metric name in one invocation, with the unit and resolution the first call
 * fixed. Not thread-safe: its {@link MetricSet} guards it.
 */
final class Series {

    final String name;
    final MetricUnit unit;
    final MetricResolution resolution;
    /** Most metrics get one value per invocation: it needs no array. */
    private final double first;
    /** Values from the second on; null until there is one. */
    private double[] more;
    private int size;

    Series(String name, MetricUnit unit, MetricResolution resolution, double first) {
        this.name = name;
        this.unit = unit;
        this.resolution = resolution;
        this.first = first;
        this.size = 1;
    }

    void add(double value) {
        if (more == null) {
            more = new double[4];
        } else if (size - 1 == more.length) {
            more = Arrays.copyOf(more, more.length * 2);
        }
        more[size - 1] = value;
        size++;
    }

    int size() {
        return size;
    }

    double value(int index) {
        return index == 0 ? first : more[index - 1];
    }
}
