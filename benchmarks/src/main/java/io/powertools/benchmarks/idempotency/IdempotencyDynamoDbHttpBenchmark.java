package io.powertools.benchmarks.idempotency;

import io.powertools.testing.DynamoDbLocalExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The idempotency comparison over HTTP: DynamoDB Local's server in-process on loopback, reached by
 * the URL connection client of {@link DynamoDbLocalExtension}, as a function reaches DynamoDB. Adds
 * the SDK pipeline (marshalling, signing, HTTP) to both sides, and its noise.
 */
public class IdempotencyDynamoDbHttpBenchmark extends IdempotencyOnDynamoDb {

    private DynamoDbLocalExtension dynamo;

    @Override
    protected DynamoDbClient start() {
        dynamo = new DynamoDbLocalExtension();
        dynamo.start();
        return dynamo.client();
    }

    @Override
    protected void stop() {
        dynamo.stop();
    }
}
