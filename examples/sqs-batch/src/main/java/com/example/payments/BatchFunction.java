package com.example.payments;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.powertools.batch.SqsBatchProcessor;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch processor into a Lambda handler with the functional API: metrics flushed per
 * invocation, logging around it. No AspectJ involved.
 */
public final class BatchFunction {

    private static final Logger LOG = LoggerFactory.getLogger(BatchFunction.class);

    private static final MetricsOptions METRICS = MetricsOptions.builder()
            .namespace("ExampleShop")
            .captureColdStart(true)
            .build();
    private static final LoggingOptions LOGGING = LoggingOptions.builder()
            .logError(true)
            .build();

    private BatchFunction() {
    }

    /**
     * The handler: processes the batch and answers with the failed message ids.
     *
     * @param processor the batch processor, built once
     * @return the decorated handler; build it once, at init
     */
    public static RequestHandler<SQSEvent, SQSBatchResponse> handler(SqsBatchProcessor processor) {
        RequestHandler<SQSEvent, SQSBatchResponse> process = (event, context) -> {
            SQSBatchResponse response = processor.process(event, context);
            int failures = response.getBatchItemFailures().size();
            Metrics.addMetric("BatchItemFailures", failures, MetricUnit.COUNT);
            LOG.info("Batch processed", entry("records", event.getRecords().size()), entry("failures", failures));
            return response;
        };
        return PowertoolsLogging.decorate(Metrics.flushing(process, METRICS), LOGGING);
    }

    /**
     * The failure hook of both handlers: one WARN line per failed message, with the reason.
     *
     * @param message the message that failed
     * @param cause why
     */
    static void logFailure(SQSEvent.SQSMessage message, Throwable cause) {
        LOG.warn("Payment message failed and is reported for retry", entry("messageId", message.getMessageId()),
                entry("reason", cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }
}
