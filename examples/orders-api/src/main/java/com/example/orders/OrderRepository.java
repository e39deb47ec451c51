package com.example.orders;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stores placed orders. The put is conditional on the order not existing yet, so a second
 * execution for the same order (which idempotency prevents) would fail loudly instead of silently
 * overwriting. Thread-safe.
 */
public class OrderRepository {

    private final DynamoDbClient client;
    private final String table;

    /**
     * Creates the repository.
     *
     * @param client the shared client
     * @param table the orders table (partition key {@code orderId}, string)
     */
    public OrderRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /**
     * Stores a new order.
     *
     * @param order the order
     * @param receipt its receipt
     * @throws IllegalStateException when the order was stored before
     */
    public void insert(OrderRequest order, OrderReceipt receipt) {
        try {
            client.putItem(request -> request.tableName(table)
                    .item(Map.of(
                            "orderId", AttributeValue.fromS(order.orderId()),
                            "customerId", AttributeValue.fromS(order.customerId()),
                            "lines", AttributeValue.fromN(Integer.toString(order.items().size())),
                            "totalCents", AttributeValue.fromN(Long.toString(receipt.totalCents())),
                            "placedAt", AttributeValue.fromS(receipt.placedAt()),
                            "requestId", AttributeValue.fromS(receipt.requestId())))
                    .conditionExpression("attribute_not_exists(orderId)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Order " + order.orderId() + " was already stored: it was placed twice", e);
        }
    }
}
