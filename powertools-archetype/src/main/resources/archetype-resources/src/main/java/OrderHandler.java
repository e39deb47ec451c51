package ${package};

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Accepts an order at most once per {@code orderId}: JSON logs with the order id, an EMF metric
 * per accepted order, and DynamoDB-backed idempotency, so a retried delivery gets the first answer
 * instead of a second order.
 *
 * <p>Functional API, no AspectJ: the decorators wrap the handler once, at init. Fields hold only
 * immutable, thread-safe things built once; per-request state lives in the invocation the
 * decorators open ({@code LogKeys}, {@code Metrics}).
 */
public class OrderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderHandler.class);
    /** The answer's type, to read a stored answer back. */
    private static final TypeReference<Map<String, Object>> RECEIPT = new TypeReference<>() { };

    private final Idempotency idempotency;
    private final RequestHandler<Map<String, Object>, Map<String, Object>> handler;

    /** Used by Lambda: the table comes from {@code IDEMPOTENCY_TABLE}, checked now, at init. */
    public OrderHandler() {
        this(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), requiredTable());
    }

    /**
     * Used by tests: a client of their own (e.g. for a local DynamoDB) and a table name.
     *
     * @param dynamoDb the DynamoDB client
     * @param idempotencyTable the idempotency table (partition key {@code id})
     */
    public OrderHandler(DynamoDbClient dynamoDb, String idempotencyTable) {
        this.idempotency = Idempotency.of(IdempotencyConfig.builder()
                .persistenceStore(DynamoDbPersistenceStore.builder()
                        .tableName(idempotencyTable)
                        .dynamoDbClient(dynamoDb)
                        .build())
                .eventKeyJmesPath("orderId")
                .throwOnNoIdempotencyKey(true)
                .build());
        MetricsOptions metrics = MetricsOptions.builder()
                .namespace("${metricsNamespace}")
                .service("${serviceName}")
                .captureColdStart(true)
                .build();
        this.handler = PowertoolsLogging.decorate(Metrics.flushing(this::accept, metrics),
                LoggingOptions.builder().logError(true).build());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
        return handler.handleRequest(order, context);
    }

    private Map<String, Object> accept(Map<String, Object> order, Context context) {
        Object orderId = order == null ? null : order.get("orderId");
        if (!(orderId instanceof String) || ((String) orderId).isBlank()) {
            throw new IllegalArgumentException("The order has no orderId: send {\"orderId\": \"...\"}");
        }
        LogKeys.appendKey("orderId", orderId);
        return idempotency.call("acceptOrder", order, RECEIPT, () -> {
            Metrics.addMetric("OrderAccepted", 1, MetricUnit.COUNT);
            LOG.info("Order accepted", entry("items", order.getOrDefault("items", 0)));
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("orderId", orderId);
            receipt.put("status", "ACCEPTED");
            receipt.put("acceptedBy", context.getAwsRequestId());
            return receipt;
        });
    }

    private static String requiredTable() {
        String table = System.getenv("IDEMPOTENCY_TABLE");
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("IDEMPOTENCY_TABLE is not set: name the idempotency table in the"
                    + " function's environment (template.yaml sets it)");
        }
        return table;
    }
}
