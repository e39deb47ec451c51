package io.powertools.idempotency.persistence;

import io.powertools.idempotency.support.OldItemOnConditionFailure;
import io.powertools.idempotency.testkit.PersistenceStoreContract;
import io.powertools.testing.DynamoDbTestServerExtension;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB store keeps the store contract on the test kit's DynamoDB server (dynalite), both
 * when the server answers a failed condition without the item (dynalite: the store reads it) and
 * when it returns the item as DynamoDB does (fault injection).
 */
class DynamoDbPersistenceStoreContractTest extends PersistenceStoreContract {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();
    private static final String TABLE = "contract";
    private static DynamoDbPersistenceStore store;

    @BeforeAll
    static void createTable() {
        DYNAMO.createIdempotencyTable(TABLE);
        store = DynamoDbPersistenceStore.builder().tableName(TABLE).dynamoDbClient(DYNAMO.client()).build();
    }

    @Override
    protected PersistenceStore store() {
        return store;
    }

    @Override
    protected Optional<Integer> maxDataBytes() {
        return Optional.of(DynamoDbPersistenceStore.MAX_ITEM_BYTES);
    }

    /** The same contract when the refused claim returns the stored item itself, as DynamoDB does. */
    @Nested
    class WhenTheServerReturnsTheBlockingItem extends PersistenceStoreContract {

        private static DynamoDbClient likeDynamoDb;
        private static DynamoDbPersistenceStore oneRequestStore;

        @BeforeAll
        static void buildStore() {
            likeDynamoDb = DYNAMO.server().clientBuilder()
                    .overrideConfiguration(o -> o.addExecutionInterceptor(new OldItemOnConditionFailure(DYNAMO.client())))
                    .build();
            oneRequestStore = DynamoDbPersistenceStore.builder().tableName(TABLE).dynamoDbClient(likeDynamoDb).build();
        }

        @AfterAll
        static void closeClient() {
            likeDynamoDb.close();
        }

        @Override
        protected PersistenceStore store() {
            return oneRequestStore;
        }

        @Override
        protected Optional<Integer> maxDataBytes() {
            return Optional.of(DynamoDbPersistenceStore.MAX_ITEM_BYTES);
        }
    }
}
