package com.example.payments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.powertools.batch.SqsBatchProcessor;

/**
 * Consumes the standard payments queue: up to 8 messages of a batch at a time, each charged at most
 * once, and only the failed ones reported ({@code ReportBatchItemFailures}) so SQS redelivers just
 * those. Functional API only.
 */
public class PaymentsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;

    /** Used by Lambda: configures the function from its environment variables. */
    public PaymentsHandler() {
        this(PaymentsApplication.create(PaymentsSettings.from(System.getenv())));
    }

    /**
     * Used by tests: runs the handler with the given processor.
     *
     * @param payments the payment processor
     */
    public PaymentsHandler(PaymentProcessor payments) {
        this.handler = BatchFunction.handler(SqsBatchProcessor.builder()
                .parallel(8)
                .onFailure(BatchFunction::logFailure)
                .build(PaymentRequest.class, payments::charge));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
