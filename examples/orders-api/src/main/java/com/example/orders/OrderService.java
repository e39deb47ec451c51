package com.example.orders;

import io.powertools.core.Invocation;
import io.powertools.idempotency.IdempotencyKey;
import io.powertools.idempotency.Idempotent;
import java.time.Instant;

/**
 * Places orders, at most once per {@code orderId}: {@link #place(OrderRequest)} is
 * {@link Idempotent}, so a duplicate returns the stored receipt without touching the orders table.
 * Thread-safe; holds no request state.
 */
public class OrderService {

    private final OrderRepository repository;

    /**
     * Creates the service.
     *
     * @param repository where orders are stored
     */
    public OrderService(OrderRepository repository) {
        this.repository = repository;
    }

    /**
     * Places an order. The idempotency key is the order's {@code orderId} (configured in
     * {@link OrdersApplication}); the same order id with other content is refused.
     *
     * @param order a validated order
     * @return the receipt, or the stored receipt of the first call with this order id
     */
    @Idempotent("placeOrder")
    public OrderReceipt place(@IdempotencyKey OrderRequest order) {
        OrderReceipt receipt = new OrderReceipt(order.orderId(), "PLACED", order.totalCents(),
                Instant.now().toString(), Invocation.require().requestId(), false);
        repository.insert(order, receipt);
        return receipt;
    }
}
