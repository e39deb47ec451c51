package io.powertools.idempotency.e2e;

/**
 * The response of {@link TenantOrderHandler}: which tenant's order it confirms, which request
 * actually ran the protected code, and the execution number the counter item returned then.
 *
 * @param tenant the tenant id the protected code saw
 * @param orderId the order
 * @param amount the amount of the order
 * @param executedBy the request id of the invocation that ran the protected code
 * @param execution the (tenant, order) counter after that run; 1 when it ran exactly once
 */
public record Confirmation(String tenant, String orderId, int amount, String executedBy, long execution) {
}
