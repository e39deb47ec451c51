package io.powertools.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Min, median and max of a sample.
 *
 * @param min the smallest value
 * @param median the median
 * @param max the largest value
 * @param count the number of values
 */
public record Stats(double min, double median, double max, int count) {

    /**
     * Summarises values.
     *
     * @param values at least one value
     * @return the summary
     */
    public static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
    }
}
