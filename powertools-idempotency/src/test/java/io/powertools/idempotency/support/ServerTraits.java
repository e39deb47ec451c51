package io.powertools.idempotency.support;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** What the DynamoDB the tests run against does, where servers differ. */
public final class ServerTraits {

    private ServerTraits() {
    }

    /**
     * Whether a failed conditional put returns the stored item when asked to (DynamoDB does;
     * dynalite does not), probed with one item of its own in the given table (key attribute {@code id}).
     *
     * @param client a client of the server
     * @param table a table with partition key {@code id}
     * @return true when the item comes back with the condition failure
     */
    public static boolean returnsOldItemOnConditionFailure(DynamoDbClient client, String table) {
        Map<String, AttributeValue> probe = Map.of("id", AttributeValue.fromS("probe-" + UUID.randomUUID()));
        client.putItem(b -> b.tableName(table).item(probe));
        try {
            client.putItem(b -> b.tableName(table).item(probe).conditionExpression("attribute_not_exists(id)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            throw new IllegalStateException("The server accepted a put that its condition forbids");
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() && !e.item().isEmpty();
        } finally {
            client.deleteItem(b -> b.tableName(table).key(probe));
        }
    }
}
