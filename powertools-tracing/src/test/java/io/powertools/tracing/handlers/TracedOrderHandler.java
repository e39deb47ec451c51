package io.powertools.tracing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.core.Invocation;
import io.powertools.tracing.Tracer;
import io.powertools.tracing.Tracing;
import io.powertools.tracing.sdk.TracingInterceptor;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The end-to-end handler, woven with {@code @Tracing}: per invocation it annotates its id, prices
 * the order in a nested traced method, hands work to a shared worker pool, writes every fifth order
 * to DynamoDB through a traced client, logs a line, and fails every twenty-fifth order.
 * Event: {@code {"id": 7}}.
 */
public class TracedOrderHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(TracedOrderHandler.class);
    /** Shared by every invocation, as a real function's pool is; tasks carry their invocation. */
    private static final ExecutorService WORKERS = Invocation.propagating(Executors.newFixedThreadPool(8));
    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("DYNAMO_ENDPOINT")))
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new TracingInterceptor()))
            .build();

    @Override
    @Tracing
    public String handleRequest(Map<String, Object> event, Context context) {
        int id = ((Number) event.get("id")).intValue();
        Tracer.putAnnotation("Id", id);
        Future<String> checked = WORKERS.submit(() -> Tracer.subsegment("## check", () -> {
            Tracer.putAnnotation("CheckedId", id);
            return "checked-" + id;
        }));
        long price = price(id);
        if (id % 5 == 0) {
            DYNAMO.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("order-" + id))));
        }
        LOG.info("handled order {}", id);
        String result;
        try {
            result = checked.get() + "/" + price;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (id % 25 == 24) {
            throw new IllegalStateException("order " + id + " rejected");
        }
        return result;
    }

    @Tracing(segmentName = "## price")
    long price(int id) {
        Tracer.putMetadata("pricing", "id", id);
        return id * 10L;
    }
}
