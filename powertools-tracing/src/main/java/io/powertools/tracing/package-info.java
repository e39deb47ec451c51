/**
 * X-Ray tracing for Lambda handlers without the X-Ray SDK: {@link io.powertools.tracing.HandlerTracer}
 * and {@link io.powertools.tracing.Tracing} trace each handler call as a subsegment,
 * {@link io.powertools.tracing.Tracer} records nested subsegments, annotations and metadata, and
 * segment documents go to the X-Ray daemon over UDP. Every invocation keeps its own tree in its
 * {@code Invocation}, so concurrent invocations of one JVM never mix.
 */
package io.powertools.tracing;
