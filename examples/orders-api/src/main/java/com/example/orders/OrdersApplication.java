package com.example.orders;

import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the function once, at init: the DynamoDB client, the repository and the idempotency
 * configuration that {@link io.powertools.idempotency.Idempotent} methods use.
 */
public final class OrdersApplication {

    private OrdersApplication() {
    }

    /**
     * Builds the service and registers the idempotency configuration.
     *
     * @param settings the function's settings
     * @return the order service
     */
    public static OrderService create(OrdersSettings settings) {
        DynamoDbClient client = DynamoDbClients.create(settings.dynamoDbEndpoint());
        Idempotency.configure(IdempotencyConfig.builder()
                .persistenceStore(DynamoDbPersistenceStore.builder()
                        .tableName(settings.idempotencyTable())
                        .dynamoDbClient(client)
                        .build())
                // The key: the client's order id. The validation: the same id with another content
                // is a client bug, answered with 422 rather than with the first order's receipt.
                .eventKeyJmesPath("orderId")
                .payloadValidationJmesPath("[customerId, items]")
                .throwOnNoIdempotencyKey(true)
                .expiration(Duration.ofHours(24))
                // A duplicate arriving while the first call still runs waits for its receipt.
                .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofSeconds(10)))
                .responseHook((response, record) -> ((OrderReceipt) response).asReplay())
                .build());
        return new OrderService(new OrderRepository(client, settings.ordersTable()));
    }
}
