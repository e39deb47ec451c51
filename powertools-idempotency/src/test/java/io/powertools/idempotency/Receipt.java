package io.powertools.idempotency;

/** A response type for tests. */
public record Receipt(String orderId, int amount, long executionNumber) {
}
