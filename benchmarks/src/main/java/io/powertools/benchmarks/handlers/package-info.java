/**
 * The same small handler written six ways, for the cold-start, throughput and class-loading runs:
 * each logs three INFO lines (one with two keys) and, where the stack has metrics, records two
 * metrics with one dimension and the cold start. Each runs in its own child JVM with only its own
 * dependencies on the class path. {@link io.powertools.benchmarks.handlers.PrimedOrderHandler} adds
 * idempotency on DynamoDB and SnapStart priming, for the priming benchmark.
 */
package io.powertools.benchmarks.handlers;
