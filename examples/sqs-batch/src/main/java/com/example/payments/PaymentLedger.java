package com.example.payments;

import io.powertools.core.Invocation;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Records charges: the side effect that must happen once per payment. The put is conditional, so
 * a second charge (which idempotency prevents) would fail loudly. Thread-safe.
 */
public class PaymentLedger {

    private final DynamoDbClient client;
    private final String table;

    /**
     * Creates the ledger.
     *
     * @param client the shared client
     * @param table the payments table (partition key {@code paymentId}, string)
     */
    public PaymentLedger(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /**
     * Charges a payment.
     *
     * @param payment a validated payment
     * @return the result
     * @throws IllegalStateException when the payment was charged before
     */
    public ChargeResult charge(PaymentRequest payment) {
        ChargeResult result = new ChargeResult(payment.paymentId(), Instant.now().toString(),
                Invocation.require().requestId(), false);
        try {
            client.putItem(request -> request.tableName(table)
                    .item(Map.of(
                            "paymentId", AttributeValue.fromS(payment.paymentId()),
                            "orderId", AttributeValue.fromS(payment.orderId()),
                            "amountCents", AttributeValue.fromN(Long.toString(payment.amountCents())),
                            "currency", AttributeValue.fromS(payment.currency()),
                            "chargedAt", AttributeValue.fromS(result.chargedAt()),
                            "requestId", AttributeValue.fromS(result.requestId())))
                    .conditionExpression("attribute_not_exists(paymentId)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Payment " + payment.paymentId() + " was already charged", e);
        }
        return result;
    }
}
