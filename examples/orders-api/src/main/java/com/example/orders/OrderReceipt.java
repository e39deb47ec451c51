package com.example.orders;

/**
 * What the API answers for a placed order. It is also what the idempotency store keeps, so a
 * duplicate gets exactly the receipt of the first call.
 *
 * @param orderId the order
 * @param status always {@code PLACED}
 * @param totalCents the total in cents
 * @param placedAt when the order was placed (ISO-8601)
 * @param requestId the Lambda request id of the invocation that placed the order
 * @param replayed true when this receipt was answered from the idempotency store (not stored)
 */
public record OrderReceipt(String orderId, String status, long totalCents, String placedAt, String requestId,
        boolean replayed) {

    /**
     * This receipt, marked as answered from the idempotency store.
     *
     * @return a copy with {@code replayed} set
     */
    public OrderReceipt asReplay() {
        return new OrderReceipt(orderId, status, totalCents, placedAt, requestId, true);
    }
}
