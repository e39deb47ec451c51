package com.example.managed;

/**
 * What the API answers for a placed order, and what the idempotency store keeps.
 *
 * @param orderId the order
 * @param totalCents the total in cents
 * @param invoiceSha256 the SHA-256 of the invoice rendered for this order (hex)
 * @param invoiceBytes the invoice's size
 * @param requestId the Lambda request id of the invocation that placed the order
 * @param replayed true when answered from the idempotency store (never stored as true)
 */
public record OrderReceipt(String orderId, long totalCents, String invoiceSha256, long invoiceBytes,
        String requestId, boolean replayed) {

    /**
     * This receipt, marked as answered from the idempotency store.
     *
     * @return a copy with {@code replayed} set
     */
    public OrderReceipt asReplay() {
        return new OrderReceipt(orderId, totalCents, invoiceSha256, invoiceBytes, requestId, true);
    }
}
