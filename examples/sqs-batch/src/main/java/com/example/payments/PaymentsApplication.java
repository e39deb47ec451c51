package com.example.payments;

import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the payment processor once, at init. */
public final class PaymentsApplication {

    private PaymentsApplication() {
    }

    /**
     * Builds the processor: one DynamoDB client shared by the ledger and the idempotency store.
     *
     * @param settings the function's settings
     * @return the processor
     */
    public static PaymentProcessor create(PaymentsSettings settings) {
        DynamoDbClient client = DynamoDbClients.create(settings.dynamoDbEndpoint());
        Idempotency idempotency = Idempotency.of(IdempotencyConfig.builder()
                .persistenceStore(DynamoDbPersistenceStore.builder()
                        .tableName(settings.idempotencyTable())
                        .dynamoDbClient(client)
                        .build())
                .expiration(Duration.ofHours(24))
                // The same payment twice in one parallel batch: the second waits for the first's result.
                .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofSeconds(5)))
                .responseHook((response, record) -> ((ChargeResult) response).asReplay())
                .build());
        return new PaymentProcessor(idempotency, new PaymentLedger(client, settings.paymentsTable()));
    }
}
