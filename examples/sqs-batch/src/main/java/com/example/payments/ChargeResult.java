package com.example.payments;

/**
 * The outcome of a charge; the idempotency store keeps it, so a duplicate gets the first one back.
 *
 * @param paymentId the payment
 * @param chargedAt when it was charged (ISO-8601)
 * @param requestId the Lambda request id of the invocation that charged it
 * @param replayed true when answered from the idempotency store (never stored as true)
 */
public record ChargeResult(String paymentId, String chargedAt, String requestId, boolean replayed) {

    /**
     * This result, marked as answered from the idempotency store.
     *
     * @return a copy with {@code replayed} set
     */
    public ChargeResult asReplay() {
        return new ChargeResult(paymentId, chargedAt, requestId, true);
    }
}
