package io.powertools.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB store's priming walks every request path (first call, duplicate, delete, read)
 * through the real SDK pipeline, answered from memory: no table, endpoint or credentials needed.
 */
class DynamoDbStorePrimingTest {

    @Test
    void walksEveryStorePathThroughTheSdkWithoutAnyConnection() {
        // Throws when the store did not claim, complete, see the duplicate and read the record as answered.
        assertThat(DynamoDbStorePriming.run()).containsExactly("DynamoDB_20120810.PutItem",
                "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.PutItem", "DynamoDB_20120810.DeleteItem",
                "DynamoDB_20120810.GetItem");
    }

    @Test
    void theContributorPrimesWithoutFailing() throws Exception {
        // The SnapStart module runs this before the snapshot; a failure there would fail the function's init.
        new IdempotencyPriming().prime();
    }

    @Test
    void aRequestBeyondTheCannedAnswersFailsInsteadOfReachingTheNetwork() {
        CannedHttpClient http = new CannedHttpClient();
        try (DynamoDbClient client = DynamoDbClient.builder().httpClient(http).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            DynamoDbPersistenceStore store = DynamoDbPersistenceStore.builder().tableName("t").dynamoDbClient(client)
                    .build();
            assertThatThrownBy(() -> store.claim(IdempotencyRecord.inProgress("k", 1L, 1L, null), 0L))
                    .hasStackTraceContaining("No canned answer left for DynamoDB_20120810.PutItem");
        }
        assertThat(http.targets()).containsExactly("DynamoDB_20120810.PutItem");
    }
}
