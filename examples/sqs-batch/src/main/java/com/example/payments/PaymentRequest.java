package com.example.payments;

/**
 * The body of a payment message.
 *
 * @param paymentId the producer's id of the payment, also the idempotency key: a payment sent
 *     twice (even as two different SQS messages) is charged once
 * @param orderId the order it pays
 * @param amountCents the amount in cents, positive
 * @param currency an ISO 4217 code such as {@code EUR}
 */
public record PaymentRequest(String paymentId, String orderId, Long amountCents, String currency) {
}
