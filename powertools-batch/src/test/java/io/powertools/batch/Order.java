package io.powertools.batch;

/** The body type the fixtures carry. */
public final class Order {
    public String orderId;
    public int quantity;
    public String sku;

    @Override
    public String toString() {
        return "Order[" + orderId + "]";
    }
}
