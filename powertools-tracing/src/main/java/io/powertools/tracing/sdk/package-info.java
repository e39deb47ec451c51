/**
 * AWS SDK for Java v2 integration: {@link io.powertools.tracing.sdk.TracingInterceptor} traces each
 * AWS call as an {@code aws} subsegment. Needs {@code software.amazon.awssdk:sdk-core} and
 * {@code aws-core} on the class path (every SDK client brings them).
 */
package io.powertools.tracing.sdk;
