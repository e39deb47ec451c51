package io.powertools.benchmarks.idempotency;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The library's own added time per call, without a database: the same calls as
 * {@link IdempotencyDynamoDbBenchmark} against a client that answers at once from memory
 * ({@link InstantDynamoDb}, which returns the stored item on a failed condition, as DynamoDB does).
 * Ours minus raw is what the library adds to each call (key, hash, item mapping, response codec),
 * free of the HTTP stack's and the database's noise.
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
