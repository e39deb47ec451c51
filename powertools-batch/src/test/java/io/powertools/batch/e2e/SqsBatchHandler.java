package io.powertools.batch.e2e;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.powertools.batch.Order;
import io.powertools.batch.SqsBatchProcessor;
import io.powertools.core.Invocation;

/**
 * The function the end-to-end test deploys into the real runtime client: one processor shared by
 * all handler threads; each record prints which invocation it ran in.
 */
public final class SqsBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final SqsBatchProcessor PROCESSOR = SqsBatchProcessor.builder()
            .parallel(4)
            .onFailure((message, cause) -> System.out.println("failed " + message.getMessageId() + " in "
                    + Invocation.require().requestId() + " on " + threadName()))
            .build(Order.class, (order, message) -> {
                System.out.println("record " + message.getMessageId() + " in " + Invocation.require().requestId()
                        + " on " + threadName());
                if ("FAIL".equals(order.sku)) {
                    throw new IllegalStateException("cannot ship " + order.orderId);
                }
            });

    /** Virtual threads (the workers on Java 21+) have no name: use their id instead. */
    private static String threadName() {
        Thread thread = Thread.currentThread();
        return thread.getName().isEmpty() ? "unnamed-thread-" + thread.getId() : thread.getName();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PROCESSOR.process(event, context);
    }
}
