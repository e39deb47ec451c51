package io.powertools.idempotency.internal;

import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.IdempotencyStatus;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds the {@code UpdateItem} that completes a claimed record, with its expressions prepared once
 * per store. The record ends up as the Enhanced Client's {@code updateItem} with
 * {@code IgnoreNullsMode.SCALAR_ONLY} of a {@link StoredItem} left it: status, expiration, data and
 * validation set when they have a value, under the same owner condition (which pins the in-progress
 * expiry, so it is not rewritten).
 *
 * <p>Why not the Enhanced Client: per call it derives the update expression from the item through
 * streams and merged maps (about 26 KB of garbage, most of what the library allocated per first
 * call) and asks for {@code ReturnValues ALL_NEW}, so DynamoDB sends the whole item back, stored
 * response included, only for it to be mapped and dropped.
 */
public final class CompletionUpdate {

    private static final AttributeValue COMPLETED = AttributeValue.fromS(IdempotencyStatus.COMPLETED.name());
    private static final AttributeValue IN_PROGRESS = AttributeValue.fromS(IdempotencyStatus.INPROGRESS.name());
    /**
     * The condition of completion and deletion: they act only on the record this caller claimed
     * (placeholders {@code #st}, {@code #ipe}, {@code :inprogress}, {@code :mine}).
     */
    public static final String OWNER_CONDITION = "#st = :inprogress AND #ipe = :mine";

    private final String tableName;
    private final String keyAttr;
    private final String sortKeyAttr;
    private final AttributeValue staticPartitionKey;
    /** Prepared per shape of record, indexed by {@link #shape(IdempotencyRecord)}. */
    private final Shape[] shapes = new Shape[4];

    /** The update expression and its attribute names for one shape. */
    private record Shape(String expression, Map<String, String> names) {
    }

    /**
     * Prepares the four shapes (with or without data, with or without validation hash).
     *
     * @param tableName the table
     * @param attributes the attribute names
     * @param staticPartitionKeyValue the partition key value when the table has a sort key
     */
    public CompletionUpdate(String tableName, AttributeNames attributes, String staticPartitionKeyValue) {
        this.tableName = tableName;
        this.keyAttr = attributes.key();
        this.sortKeyAttr = attributes.sortKey();
        this.staticPartitionKey = sortKeyAttr == null ? null : AttributeValue.fromS(staticPartitionKeyValue);
        for (int shape = 0; shape < 4; shape++) {
            // The in-progress expiry is not set: the condition already requires it to hold the record's value.
            StringBuilder expression = new StringBuilder("SET #st = :completed, #exp = :exp");
            Map<String, String> shapeNames = new HashMap<>(Map.of("#st", attributes.status(),
                    "#exp", attributes.expiration(), "#ipe", attributes.inProgressExpiration()));
            if ((shape & 1) != 0) {
                expression.append(", #data = :data");
                shapeNames.put("#data", attributes.data());
            }
            if ((shape & 2) != 0) {
                expression.append(", #val = :val");
                shapeNames.put("#val", attributes.validation());
            }
            shapes[shape] = new Shape(expression.toString(), Map.copyOf(shapeNames));
        }
    }

    /**
     * The request completing a record.
     *
     * @param completed the completed record (its in-progress expiry is the claim's)
     * @param storedData the data as stored (possibly compressed); null exactly when the record has none
     * @return the conditional update, asking for no returned attributes
     */
    public UpdateItemRequest request(IdempotencyRecord completed, String storedData) {
        int shape = shape(completed);
        Shape prepared = shapes[shape];
        Map<String, AttributeValue> values = new HashMap<>(8);
        values.put(":completed", COMPLETED);
        values.put(":inprogress", IN_PROGRESS);
        values.put(":exp", number(completed.expirationEpochSeconds()));
        values.put(":mine", number(completed.inProgressExpirationEpochMillis()));
        if ((shape & 1) != 0) {
            values.put(":data", AttributeValue.fromS(storedData));
        }
        if ((shape & 2) != 0) {
            values.put(":val", AttributeValue.fromS(completed.validationHash()));
        }
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(completed.key()))
                .updateExpression(prepared.expression())
                .conditionExpression(OWNER_CONDITION)
                .expressionAttributeNames(prepared.names())
                .expressionAttributeValues(values)
                .build();
    }

    private Map<String, AttributeValue> key(String idempotencyKey) {
        AttributeValue key = AttributeValue.fromS(idempotencyKey);
        return sortKeyAttr == null ? Map.of(keyAttr, key) : Map.of(keyAttr, staticPartitionKey, sortKeyAttr, key);
    }

    private static int shape(IdempotencyRecord record) {
        return (record.data() != null ? 1 : 0) | (record.validationHash() != null ? 2 : 0);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
