package io.powertools.benchmarks.baseline;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * One flush of 10 metrics with 3 dimensions on Powertools for AWS Lambda (Java) 2.9.0 metrics,
 * through its functional API (the {@code Metrics} instance from {@code MetricsBuilder}). Output goes
 * to {@code System.out}, which the benchmark replaces with a discarding stream. Runs only inside
 * {@link io.powertools.benchmarks.support.IsolatedWorld}.
 */
public final class PowertoolsMetricsDriver implements Runnable {

    private final Metrics metrics = MetricsBuilder.builder()
            .withNamespace("Benchmark")
            .withService("benchmark")
            .build();

    @Override
    public void run() {
        metrics.addDimension("Channel", "web");
        metrics.addDimension("Region", "eu-west-1");
        metrics.addDimension("Tier", "gold");
        for (int i = 0; i < 10; i++) {
            metrics.addMetric(MetricNames.NAMES[i], i + 0.5, MetricUnit.COUNT);
        }
        metrics.flush();
    }
}
