package io.powertools.benchmarks.idempotency;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A {@link DynamoDbClient} that answers at once from memory, so that a benchmark measures only what
 * its caller does around the requests. It keeps the items written until {@link #freeze()} (the
 * duplicates' records); afterwards a claim of one of those keys fails with the stored item, as
 * DynamoDB's conditional put does, and every other claim and update succeeds without being kept.
 * It does not evaluate conditions; the update understands only {@code SET #name = :value, ...}.
 */
final class InstantDynamoDb implements DynamoDbClient {

    private static final PutItemResponse PUT = PutItemResponse.builder().build();
    private static final UpdateItemResponse UPDATE = UpdateItemResponse.builder().build();

    private final Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    private volatile boolean frozen;

    /** Stops keeping writes: from now on the stored items are fixed. */
    void freeze() {
        frozen = true;
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return CreateTableResponse.builder().build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        String key = request.item().get("id").s();
        Map<String, AttributeValue> stored = items.get(key);
        if (stored != null) {
            throw ConditionalCheckFailedException.builder().message("The conditional request failed")
                    .item(stored).build();
        }
        if (!frozen) {
            items.put(key, new HashMap<>(request.item()));
        }
        return PUT;
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        Map<String, AttributeValue> stored = items.get(request.key().get("id").s());
        if (!frozen && stored != null) {
            for (String assignment : request.updateExpression().substring("SET ".length()).split(",")) {
                String[] sides = assignment.split("=");
                stored.put(request.expressionAttributeNames().get(sides[0].trim()),
                        request.expressionAttributeValues().get(sides[1].trim()));
            }
        }
        return UPDATE;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
