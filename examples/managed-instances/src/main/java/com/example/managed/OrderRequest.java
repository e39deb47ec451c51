package com.example.managed;

import java.util.List;

/**
 * The body of {@code POST /orders}. The client chooses {@code orderId}: sending the same order
 * again (a retry after a timeout, a double click) is answered from the idempotency store.
 *
 * @param orderId the client's id of the order, also the idempotency key
 * @param customerId who orders
 * @param items the lines, 1 to 50
 */
public record OrderRequest(String orderId, String customerId, List<OrderLine> items) {

    /**
     * The order's total.
     *
     * @return the sum of quantity times unit price, in cents
     */
    public long totalCents() {
        return items.stream().mapToLong(line -> line.quantity() * line.unitPriceCents()).sum();
    }
}
