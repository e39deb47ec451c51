package com.example.orders;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.powertools.idempotency.IdempotencyAlreadyInProgressException;
import io.powertools.idempotency.IdempotencyValidationException;
import io.powertools.logging.CorrelationIdPaths;
import io.powertools.logging.LogKeys;
import io.powertools.logging.Logging;
import io.powertools.metrics.FlushMetrics;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders} behind API Gateway (REST API, proxy integration).
 *
 * <p>Everything per request lives in the invocation the annotations open: log keys, metrics,
 * the idempotency record. The handler's only field is the service, built once at init.
 *
 * <ul>
 *   <li>{@code @Logging}: JSON logs with the Lambda context and API Gateway's request id as
 *       {@code correlation_id}.</li>
 *   <li>{@code @FlushMetrics}: one EMF blob per invocation, plus {@code ColdStart} once.</li>
 *   <li>{@code @Idempotent} on {@link OrderService#place}: a duplicate order gets the stored
 *       receipt and header {@code Idempotent-Replayed: true}.</li>
 * </ul>
 *
 * <p>Answers: 201 placed (or replayed), 400 bad request, 409 still in progress, 422 same order id
 * with different content, 500 unexpected (logged with the stack trace).
 */
public class OrdersHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersHandler.class);

    private final OrderService orders;

    /** Used by Lambda: configures the function from its environment variables. */
    public OrdersHandler() {
        this(OrdersApplication.create(OrdersSettings.from(System.getenv())));
    }

    /**
     * Used by tests: runs the handler with the given service.
     *
     * @param orders the order service
     */
    public OrdersHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    @Logging(correlationIdPath = CorrelationIdPaths.API_GATEWAY_REST, logError = true)
    @FlushMetrics(namespace = "ExampleShop", captureColdStart = true)
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            OrderRequest order = OrderParser.parse(event == null ? null : event.getBody());
            LogKeys.appendKey("orderId", order.orderId());
            OrderReceipt receipt = orders.place(order);
            if (receipt.replayed()) {
                Metrics.addMetric("DuplicateOrder", 1, MetricUnit.COUNT);
                LOG.info("Duplicate answered from the idempotency store", entry("originalRequestId", receipt.requestId()));
            } else {
                Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
                Metrics.addMetric("OrderValue", receipt.totalCents() / 100.0, MetricUnit.NONE);
                LOG.info("Order placed", entry("totalCents", receipt.totalCents()));
            }
            return ApiResponses.created(receipt);
        } catch (BadRequestException e) {
            Metrics.addMetric("BadRequest", 1, MetricUnit.COUNT);
            LOG.warn("Bad request: {}", e.getMessage());
            return ApiResponses.error(400, "BadRequest", e.getMessage(), e.field());
        } catch (IdempotencyValidationException e) {
            Metrics.addMetric("OrderIdReused", 1, MetricUnit.COUNT);
            LOG.warn("Order id reused with different content");
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
