package io.powertools.idempotency.internal;

import io.powertools.idempotency.persistence.ClaimResult;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Walks the DynamoDB store's request paths once before a SnapStart snapshot: a first call (claim,
 * complete), a duplicate (claim refused with the stored item), a failed call's delete and the
 * in-progress wait's read. Priming invocations skip idempotency entirely (they must write no
 * record), so without this the first real invocation after a restore would be the first to run
 * the Enhanced Client operations and the SDK pipeline: hundreds of classes, lambdas and call sites
 * linked on the request's clock.
 *
 * <p>The requests go through a throwaway client whose HTTP client answers from memory
 * ({@link CannedHttpClient}): no connection, no credentials lookup, no table touched. Code paths
 * are shared by every client instance, so the function's own client profits.
 */
final class DynamoDbStorePriming {

    private static final String KEY = "powertools-priming";
    private static final String ITEM = "{\"id\":{\"S\":\"" + KEY + "\"},\"expiration\":{\"N\":\"%d\"},"
            + "\"in_progress_expiration\":{\"N\":\"%d\"},\"status\":{\"S\":\"COMPLETED\"},\"data\":{\"S\":\"\\\"ok\\\"\"}}";

    private DynamoDbStorePriming() {
    }

    /**
     * Runs the requests.
     *
     * @return the operations sent, in order
     * @throws IllegalStateException when the store did not take the expected path
     */
    static List<String> run() {
        long now = System.currentTimeMillis();
        String item = String.format(ITEM, now / 1000 + 3600, now + 30_000);
        CannedHttpClient http = new CannedHttpClient()
                .answer(200, "{}")
                .answer(200, "{}")
                .answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                        + "\"message\":\"The conditional request failed\",\"Item\":" + item + "}")
                .answer(200, "{}")
                .answer(200, "{\"Item\":" + item + "}");
        try (DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .build()) {
            DynamoDbPersistenceStore store = DynamoDbPersistenceStore.builder()
                    .tableName("powertools-priming").dynamoDbClient(client).build();
            IdempotencyRecord claim = IdempotencyRecord.inProgress(KEY, now / 1000 + 3600, now + 30_000, null);
            expect(store.claim(claim, now).isClaimed(), "first claim");
            expect(store.complete(claim.completed("\"ok\"", now / 1000 + 3600)), "completion");
            ClaimResult duplicate = store.claim(claim, now);
            expect(!duplicate.isClaimed() && duplicate.existing().isPresent(), "duplicate claim");
            store.delete(claim);
            expect(store.get(KEY).isPresent(), "read");
        }
        return http.targets();
    }

    private static void expect(boolean outcome, String step) {
        if (!outcome) {
            throw new IllegalStateException("DynamoDB store priming: unexpected outcome of the " + step);
        }
    }
}
