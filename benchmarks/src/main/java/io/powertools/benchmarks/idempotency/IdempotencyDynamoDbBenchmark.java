package io.powertools.benchmarks.idempotency;

import io.powertools.testing.DynamoDbTestServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The idempotency round trip on a database: dynalite (the open-source DynamoDB-compatible server of
 * the test kit, {@link DynamoDbTestServer}) in a Node.js child process on loopback, reached through
 * the URL connection client as a function reaches DynamoDB. Both sides share that client, so the
 * SDK pipeline (marshalling, signing, HTTP) and the server are in both scores; the library's own
 * cost is measured without them by {@link IdempotencyOverheadBenchmark}.
 *
 * <p>dynalite returns no item on a failed condition, so a duplicate costs two requests on both
 * sides: the conditional put and the consistent read of the stored record (see
 * {@link IdempotencyOnDynamoDb#rawDuplicate()}).
 */
public class IdempotencyDynamoDbBenchmark extends IdempotencyOnDynamoDb {

    private DynamoDbTestServer dynamo;

    @Override
    protected DynamoDbClient start() {
        dynamo = DynamoDbTestServer.start();
        return dynamo.client();
    }

    @Override
    protected void stop() {
        dynamo.close();
    }
}
