package com.example.payments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.powertools.batch.FifoFailureMode;
import io.powertools.batch.SqsBatchProcessor;

/**
 * Consumes the FIFO payments queue ({@code MessageGroupId} = the order): payments of one order are
 * charged in order, different orders in parallel (4 groups at a time). After a failure only the
 * failed order's later messages are held back ({@link FifoFailureMode#SKIP_FAILED_GROUP}); they are
 * reported with it and come back in order. Functional API only.
 */
public class FifoPaymentsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;

    /** Used by Lambda: configures the function from its environment variables. */
    public FifoPaymentsHandler() {
        this(PaymentsApplication.create(PaymentsSettings.from(System.getenv())));
    }

    /**
     * Used by tests: runs the handler with the given processor.
     *
     * @param payments the payment processor
     */
    public FifoPaymentsHandler(PaymentProcessor payments) {
        this.handler = BatchFunction.handler(SqsBatchProcessor.builder()
                .fifoFailureMode(FifoFailureMode.SKIP_FAILED_GROUP)
                .parallel(4)
                .onFailure(BatchFunction::logFailure)
                .build(PaymentRequest.class, payments::charge));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
