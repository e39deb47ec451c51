package com.example.managed;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.powertools.core.Lazy;
import io.powertools.idempotency.IdempotencyAlreadyInProgressException;
import io.powertools.idempotency.IdempotencyValidationException;
import io.powertools.logging.CorrelationIdPaths;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders} for Lambda Managed Instances, where one JVM runs many requests at once
 * (one handler thread per concurrent request). Functional API only, no AspectJ.
 *
 * <p>The rules that make it correct under multi-concurrency:
 * <ul>
 *   <li>Fields and statics hold only immutable, thread-safe things built once: settings, the
 *       decorated handler, and a {@link Lazy} backend (client + idempotency store) created exactly
 *       once even when the first requests arrive together.</li>
 *   <li>Per-request state (log keys, metrics, the idempotency record, temp files) lives in the
 *       invocation the decorators open: {@code LogKeys.appendKey}, {@code Metrics.addMetric},
 *       {@code InvocationTempDirectory.current()}. Never MDC, never a field.</li>
 * </ul>
 */
public class ManagedOrdersHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedOrdersHandler.class);

    private static final MetricsOptions METRICS = MetricsOptions.builder()
            .namespace("ExampleShop")
            .captureColdStart(true)
            .build();
    private static final LoggingOptions LOGGING = LoggingOptions.builder()
            .correlationIdPath(CorrelationIdPaths.API_GATEWAY_REST)
            .logError(true)
            .build();

    private final Lazy<OrdersBackend> backend;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;

    /** Used by Lambda: settings are read (and checked) now; the backend is created on first use. */
    public ManagedOrdersHandler() {
        this(ManagedSettings.from(System.getenv()));
    }

    /**
     * Used by tests: runs the handler with the given settings.
     *
     * @param settings the settings
     */
    public ManagedOrdersHandler(ManagedSettings settings) {
        this.backend = Lazy.of(() -> OrdersBackend.create(settings));
        this.handler = PowertoolsLogging.decorate(Metrics.flushing(this::handle, METRICS), LOGGING);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handleRequest(event, context);
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        try {
            OrderRequest order = OrderParser.parse(event == null ? null : event.getBody());
            LogKeys.appendKey("orderId", order.orderId());
            OrderReceipt receipt = backend.get().place(order);
            if (receipt.replayed()) {
                Metrics.addMetric("DuplicateOrder", 1, MetricUnit.COUNT);
                LOG.info("Duplicate answered from the idempotency store", entry("originalRequestId", receipt.requestId()));
            } else {
                Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
                LOG.info("Order placed", entry("invoiceSha256", receipt.invoiceSha256()));
            }
            return ApiResponses.created(receipt);
        } catch (BadRequestException e) {
            Metrics.addMetric("BadRequest", 1, MetricUnit.COUNT);
            LOG.warn("Bad request: {}", e.getMessage());
            return ApiResponses.error(400, "BadRequest", e.getMessage(), e.field());
        } catch (IdempotencyValidationException e) {
            Metrics.addMetric("OrderIdReused", 1, MetricUnit.COUNT);
            return ApiResponses.error(422, "OrderIdReused", "This orderId was already used for an order with other"
                    + " content: use a new orderId for a new order", "orderId");
        } catch (IdempotencyAlreadyInProgressException e) {
            Metrics.addMetric("OrderInProgress", 1, MetricUnit.COUNT);
            return ApiResponses.error(409, "OrderInProgress", "This order is still being placed: retry in a second",
                    "orderId");
        } catch (RuntimeException e) {
            Metrics.addMetric("OrderFailed", 1, MetricUnit.COUNT);
            LOG.error("Order failed", e);
            return ApiResponses.error(500, "InternalError", "The order could not be placed; quote request id "
                    + context.getAwsRequestId() + " to support", null);
        }
    }
}
