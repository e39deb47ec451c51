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
    private double[] values;
    private int size;

    Series(String name, MetricUnit unit, MetricResolution resolution, double first) {
        this.name = name;
        this.unit = unit;
        this.resolution = resolution;
        this.values = new double[] {first, 0};
        this.size = 1;
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    double value(int index) {
        return values[index];
    }
}
