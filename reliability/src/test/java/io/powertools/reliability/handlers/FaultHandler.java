package io.powertools.reliability.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The function of the fault tests: an idempotent order execution on the test JVM's dynalite.
 * The protected code optionally blocks first (so the test can kill the JVM while the record is in
 * progress and before any side effect), then increments a per-order counter in a second table (when
 * one is configured) and prints one {@code executed <order> <request>} line: the two witnesses of
 * how often it really ran.
 *
 * <p>Faults it can inject, from its environment: {@value #THROTTLE_OPS_VARIABLE} (comma-separated
 * DynamoDbClient method names) and {@value #THROTTLE_EVERY_VARIABLE} (n): every n-th call of those
 * methods by the idempotency store fails with the exception DynamoDB throws when a table is
 * throttled, as after the SDK's own retries gave up.
 */
public final class FaultHandler implements RequestHandler<Map<String, Object>, FaultHandler.Confirmation> {

    public static final String ENDPOINT_VARIABLE = "RELIABILITY_DYNAMODB_ENDPOINT";
    public static final String TABLE_VARIABLE = "RELIABILITY_IDEMPOTENCY_TABLE";
    public static final String COUNTER_TABLE_VARIABLE = "RELIABILITY_COUNTER_TABLE";
    public static final String THROTTLE_OPS_VARIABLE = "RELIABILITY_THROTTLE_OPS";
    public static final String THROTTLE_EVERY_VARIABLE = "RELIABILITY_THROTTLE_EVERY";
    public static final String WAIT_VARIABLE = "RELIABILITY_IN_PROGRESS_WAIT_MS";

    private static final DynamoDbClient CLIENT = Clients.dynamoDb(Clients.required(ENDPOINT_VARIABLE));
    private static final String COUNTER_TABLE = System.getenv(COUNTER_TABLE_VARIABLE);

    private static final Idempotency IDEMPOTENCY = Idempotency.of(IdempotencyConfig.builder()
            .persistenceStore(DynamoDbPersistenceStore.builder()
                    .tableName(Clients.required(TABLE_VARIABLE))
                    .dynamoDbClient(throttling(CLIENT))
                    .build())
            .eventKeyJmesPath("orderId")
            .inProgressPolicy(System.getenv(WAIT_VARIABLE) == null ? InProgressPolicy.failFast()
                    : InProgressPolicy.waitUpTo(Duration.ofMillis(Long.parseLong(System.getenv(WAIT_VARIABLE))))
                            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)))
            .build());

    private static final RequestHandler<Map<String, Object>, Confirmation> HANDLER =
            IDEMPOTENCY.handler("order", Confirmation.class, FaultHandler::execute);

    /** What an order execution answers; duplicates get the stored copy. */
    public record Confirmation(String orderId, String executedBy, long execution) {
    }

    @Override
    public Confirmation handleRequest(Map<String, Object> event, Context context) {
        return HANDLER.handleRequest(event, context);
    }

    private static Confirmation execute(Map<String, Object> event, Context context) {
        String orderId = String.valueOf(event.get("orderId"));
        String requestId = context.getAwsRequestId();
        if (Boolean.TRUE.equals(event.get("block"))) {
            System.out.println("blocking " + orderId + " " + requestId);
            try {
                // Held in progress, before any side effect, until the test kills this JVM.
                new CountDownLatch(1).await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("blocked invocation " + requestId + " was not killed");
        }
        long execution = 0;
        if (COUNTER_TABLE != null) {
            execution = Long.parseLong(CLIENT.updateItem(b -> b.tableName(COUNTER_TABLE)
                    .key(Map.of("id", AttributeValue.fromS(orderId)))
                    .updateExpression("ADD executions :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes().get("executions").n());
        }
        System.out.println("executed " + orderId + " " + requestId);
        return new Confirmation(orderId, requestId, execution);
    }

    private static DynamoDbClient throttling(DynamoDbClient delegate) {
        String ops = System.getenv(THROTTLE_OPS_VARIABLE);
        if (ops == null || ops.isBlank()) {
            return delegate;
        }
        Set<String> throttled = Set.of(ops.split(","));
        long every = Long.parseLong(System.getenv().getOrDefault(THROTTLE_EVERY_VARIABLE, "3"));
        AtomicLong calls = new AtomicLong();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (throttled.contains(method.getName()) && calls.incrementAndGet() % every == 0) {
                        System.out.println("throttled " + method.getName());
                        throw ProvisionedThroughputExceededException.builder()
                                .message("Injected: the level of configured provisioned throughput for the table was"
                                        + " exceeded")
                                .statusCode(400)
                                .awsErrorDetails(AwsErrorDetails.builder()
                                        .errorCode("ProvisionedThroughputExceededException")
                                        .serviceName("DynamoDb").build())
                                .build();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
