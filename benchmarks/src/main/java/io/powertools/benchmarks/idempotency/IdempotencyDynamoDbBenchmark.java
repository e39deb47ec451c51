package io.powertools.benchmarks.idempotency;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The primary idempotency measurement: DynamoDB Local embedded, in memory, through its in-process
 * {@link DynamoDbClient} (no HTTP, no SDK request pipeline). The library and the raw requests call
 * the very same client object, so what differs is the library's own work (key, hash, Enhanced
 * Client mapping, response codec) and any difference in the requests it sends; over HTTP on a shared
 * machine the network stack's noise buried that difference (see
 * {@link IdempotencyDynamoDbHttpBenchmark}).
 */
public class IdempotencyDynamoDbBenchmark extends IdempotencyOnDynamoDb {

    private AmazonDynamoDBLocal local;

    @Override
    protected DynamoDbClient start() {
        local = DynamoDBEmbedded.create(Boolean.TRUE); // TRUE: telemetry off
        return local.dynamoDbClient();
    }

    @Override
    protected void stop() {
        local.shutdown();
    }
}
