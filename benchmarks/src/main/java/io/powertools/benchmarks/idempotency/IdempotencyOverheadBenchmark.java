package io.powertools.benchmarks.idempotency;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The library's own added time per call, without a database: the same calls as
 * {@link IdempotencyDynamoDbBenchmark} against a client that answers at once from memory
 * ({@link InstantDynamoDb}). Ours minus raw is what the library adds to each call (key, hash, item
 * mapping, response codec); with no database in the fork its score does not depend on how the JIT
 * happened to compile DynamoDB Local, which moves the embedded scores by 10-40% from fork to fork.
 */
public class IdempotencyOverheadBenchmark extends IdempotencyOnDynamoDb {

    private InstantDynamoDb client;

    @Override
    protected DynamoDbClient start() {
        client = new InstantDynamoDb();
        return client;
    }

    @Override
    protected void ready() {
        client.freeze();
    }

    @Override
    protected void stop() {
        client.close();
    }
}
