/** Internals of the metrics module: not a public API, may change in any release. */
package io.powertools.metrics.internal;
