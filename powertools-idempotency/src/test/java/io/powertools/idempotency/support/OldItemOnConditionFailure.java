package io.powertools.idempotency.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Fault injection for the other path: makes a server that omits the old item on a failed
 * condition answer as DynamoDB does with {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, by
 * putting the stored item into the {@link ConditionalCheckFailedException}. It reads the item with
 * its own client, so a {@link RequestCounter} on the tested client sees only what the store sends.
 */
public final class OldItemOnConditionFailure implements ExecutionInterceptor {

    private final DynamoDbClient reader;
    private final Map<String, java.util.List<String>> keysByTable = new ConcurrentHashMap<>();

    /**
     * @param reader a client of the same server, not the tested one
     */
    public OldItemOnConditionFailure(DynamoDbClient reader) {
        this.reader = reader;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (!(failure instanceof ConditionalCheckFailedException)
                || !(context.request() instanceof PutItemRequest)) {
            return failure;
        }
        ConditionalCheckFailedException conditionFailed = (ConditionalCheckFailedException) failure;
        PutItemRequest put = (PutItemRequest) context.request();
        if (put.returnValuesOnConditionCheckFailure() != ReturnValuesOnConditionCheckFailure.ALL_OLD
                || conditionFailed.hasItem() && !conditionFailed.item().isEmpty()) {
            return failure;
        }
        Map<String, AttributeValue> key = keyNames(put.tableName()).stream()
                .collect(Collectors.toMap(name -> name, name -> put.item().get(name)));
        Map<String, AttributeValue> stored = reader.getItem(b -> b.tableName(put.tableName()).key(key)
                .consistentRead(true)).item();
        return conditionFailed.toBuilder().item(stored).build();
    }

    private java.util.List<String> keyNames(String table) {
        return keysByTable.computeIfAbsent(table, t -> reader.describeTable(b -> b.tableName(t)).table().keySchema()
                .stream().map(KeySchemaElement::attributeName).toList());
    }
}
