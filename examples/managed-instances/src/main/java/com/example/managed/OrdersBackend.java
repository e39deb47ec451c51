package com.example.managed;

import io.powertools.core.Invocation;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Everything that talks to DynamoDB: one client, shared by every concurrent invocation of the
 * execution environment, the idempotency store on top of it, and the orders table. Immutable and
 * thread-safe; holds no request state.
 */
public final class OrdersBackend {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersBackend.class);

    private final DynamoDbClient client;
    private final Idempotency idempotency;
    private final String ordersTable;

    private OrdersBackend(DynamoDbClient client, Idempotency idempotency, String ordersTable) {
        this.client = client;
        this.idempotency = idempotency;
        this.ordersTable = ordersTable;
    }

    /**
     * Creates the backend. Called through a {@code Lazy}, so exactly once per execution
     * environment even when the first requests arrive together.
     *
     * @param settings the settings
     * @return the backend
     */
    public static OrdersBackend create(ManagedSettings settings) {
        DynamoDbClient client = DynamoDbClients.create(settings.dynamoDbEndpoint());
        Idempotency idempotency = Idempotency.of(IdempotencyConfig.builder()
                .persistenceStore(DynamoDbPersistenceStore.builder()
                        .tableName(settings.idempotencyTable())
                        .dynamoDbClient(client)
                        .build())
                .eventKeyJmesPath("orderId")
                .payloadValidationJmesPath("[customerId, items]")
                .throwOnNoIdempotencyKey(true)
                .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofSeconds(10)))
                .responseHook((response, record) -> ((OrderReceipt) response).asReplay())
                .build());
        LOG.info("Created the shared DynamoDB client and idempotency store");
        return new OrdersBackend(client, idempotency, settings.ordersTable());
    }

    /**
     * Places an order at most once per {@code orderId}: renders its invoice in the request's own
     * temp directory and stores the order with the invoice's fingerprint.
     *
     * @param order a validated order
     * @return the receipt, or the stored one of the first call
     */
    public OrderReceipt place(OrderRequest order) {
        return idempotency.call("placeOrder", order, OrderReceipt.class, () -> {
            Invoices.Fingerprint invoice = Invoices.writeAndFingerprint(order);
            OrderReceipt receipt = new OrderReceipt(order.orderId(), order.totalCents(), invoice.sha256(),
                    invoice.bytes(), Invocation.require().requestId(), false);
            insert(order, receipt);
            return receipt;
        });
    }

    private void insert(OrderRequest order, OrderReceipt receipt) {
        try {
            client.putItem(request -> request.tableName(ordersTable)
                    .item(Map.of(
                            "orderId", AttributeValue.fromS(order.orderId()),
                            "customerId", AttributeValue.fromS(order.customerId()),
                            "totalCents", AttributeValue.fromN(Long.toString(receipt.totalCents())),
                            "invoiceSha256", AttributeValue.fromS(receipt.invoiceSha256()),
                            "requestId", AttributeValue.fromS(receipt.requestId())))
                    .conditionExpression("attribute_not_exists(orderId)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Order " + order.orderId() + " was already stored: it was placed twice", e);
        }
    }
}
