/**
 * CloudWatch Embedded Metric Format (EMF) metrics for Lambda handlers: {@link io.powertools.metrics.Metrics}
 * records per invocation, {@link io.powertools.metrics.MetricsFlusher} and
 * {@link io.powertools.metrics.FlushMetrics} write at the end of each call.
 */
package io.powertools.metrics;
