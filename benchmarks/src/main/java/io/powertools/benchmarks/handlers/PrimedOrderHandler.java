package io.powertools.benchmarks.handlers;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsOptions;
import io.powertools.snapstart.InvokePriming;
import io.powertools.snapstart.SnapStart;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SnapStart priming benchmark's function (issue 7): logging, metrics and idempotency on
 * DynamoDB, all through the functional API, with invoke priming registered in the static
 * initialiser. {@value #PRIMING} {@code =off} skips the registration, so the same handler in the
 * same SnapStart mode runs unprimed. {@value #ENDPOINT} points the client at the harness's dynalite and
 * {@value #TABLE} names the idempotency table.
 */
public class PrimedOrderHandler implements RequestHandler<Map<String, Object>, String> {

    /** Environment variable: {@code off} registers no priming at all (no SnapStart hooks). */
    public static final String PRIMING = "BENCH_PRIMING";
    /** Environment variable: the DynamoDB endpoint. */
    public static final String ENDPOINT = "BENCH_DYNAMODB_ENDPOINT";
    /** Environment variable: the idempotency table. */
    public static final String TABLE = "BENCH_IDEMPOTENCY_TABLE";
    /** Handler calls before the snapshot. */
    public static final int PRIMING_RUNS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(PrimedOrderHandler.class);

    private static final Idempotency IDEMPOTENCY = Idempotency.of(IdempotencyConfig.builder()
            .persistenceStore(DynamoDbPersistenceStore.builder()
                    .tableName(System.getenv(TABLE))
                    .dynamoDbClient(dynamoDb(System.getenv(ENDPOINT)))
                    .build())
            .eventKeyJmesPath("orderId")
            .build());

    private static final RequestHandler<Map<String, Object>, String> HANDLER =
            PowertoolsLogging.decorate(Metrics.flushing(IDEMPOTENCY.handler(String.class, PrimedOrderHandler::handle),
                    MetricsOptions.builder().namespace("Benchmark").captureColdStart(true).build()),
                    LoggingOptions.defaults());

    static {
        if (!"off".equals(System.getenv(PRIMING))) {
            SnapStart.get().primeInvocations(InvokePriming.withEvents("orders", HANDLER::handleRequest,
                    PrimedOrderHandler::sampleEvent).times(PRIMING_RUNS));
        }
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return HANDLER.handleRequest(event, context);
    }

    private static String handle(Map<String, Object> event, Context context) {
        LogKeys.appendKey("orderId", event.get("orderId"));
        LOG.info("Processing order", entry("customer", event.get("customer")));
        Metrics.addDimension("Channel", "web");
        Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
        Metrics.addMetric("OrderValue", 42.5, MetricUnit.NONE);
        LOG.info("Order accepted", entry("total", 42), entry("currency", "EUR"));
        return "accepted " + event.get("orderId");
    }

    /**
     * The dummy event of a priming run: the shape of a real order.
     *
     * @return a fresh event
     */
    public static Map<String, Object> sampleEvent() {
        return Map.of("orderId", "priming-order", "customer", "priming-customer");
    }

    private static DynamoDbClient dynamoDb(String endpoint) {
        if (endpoint == null) {
            throw new IllegalStateException(ENDPOINT + " is not set: the benchmark harness passes its DynamoDB"
                    + " test server's endpoint");
        }
        // Static credentials: dynalite accepts any; on Lambda the default chain reads the environment.
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
