/**
 * Test kit for Lambda handlers.
 *
 * <ul>
 *   <li>{@link io.powertools.testing.FakeContext}: an immutable Lambda {@code Context} for calling
 *       handlers directly in unit tests.</li>
 *   <li>{@link io.powertools.testing.LocalLambdaRuntime}: runs a handler in a child JVM under the real
 *       Lambda runtime interface client, driven by a local Runtime API, including multi-concurrency
 *       and SnapStart emulation.</li>
 *   <li>{@link io.powertools.testing.DynamoDbTestServer}: a DynamoDB for tests (dynalite, an
 *       open-source DynamoDB-compatible server, in a Node.js child process, or an external
 *       endpoint), and {@link io.powertools.testing.DynamoDbTestServerExtension}, its JUnit 5
 *       extension.</li>
 *   <li>{@link io.powertools.testing.OutputCaptureExtension} and
 *       {@link io.powertools.testing.CapturedOutput}: what a handler called in the test's JVM
 *       printed, as log events and checked EMF blobs.</li>
 * </ul>
 */
package io.powertools.testing;
