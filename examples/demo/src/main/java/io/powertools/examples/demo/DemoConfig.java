package io.powertools.examples.demo;

/**
 * How much traffic the demo sends.
 *
 * @param orders unique orders sent to orders-api
 * @param duplicateOrders duplicate deliveries of some of them, each racing its original
 * @param badRequests requests with a broken body (answered 400)
 * @param orderConcurrency handler threads of the orders function ({@code AWS_LAMBDA_MAX_CONCURRENCY})
 * @param batches SQS batches sent to sqs-batch
 * @param batchSize messages per batch, one of them poison
 * @param redeliveredBatches batches of already charged messages delivered again
 * @param batchConcurrency handler threads of the payments function
 */
public record DemoConfig(int orders, int duplicateOrders, int badRequests, int orderConcurrency, int batches,
        int batchSize, int redeliveredBatches, int batchConcurrency) {

    /** The full demo: 500 API invocations at concurrency 16, 22 SQS batches. */
    public static DemoConfig full() {
        return new DemoConfig(440, 50, 10, 16, 20, 10, 2, 4);
    }

    /** The scaled-down run CI checks: the same code path, fewer invocations. */
    public static DemoConfig small() {
        return new DemoConfig(40, 8, 2, 4, 4, 5, 1, 2);
    }

    /** API invocations sent. */
    public int orderInvocations() {
        return orders + duplicateOrders + badRequests;
    }

    /** Poison messages sent: one per (non-redelivered) batch. */
    public int poisonMessages() {
        return batches;
    }

    /** Messages of the redelivered batches: all charged before, none may be charged again. */
    public int redeliveredMessages() {
        return redeliveredBatches * batchSize;
    }

    /** Payments that must end up charged. */
    public int goodPayments() {
        return batches * (batchSize - 1);
    }
}
