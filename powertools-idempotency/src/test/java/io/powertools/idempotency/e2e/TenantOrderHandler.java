package io.powertools.idempotency.e2e;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The function the end-to-end test runs inside the real Lambda runtime interface client: an
 * idempotent order handler on a DynamoDB table of the test JVM's DynamoDB test server. Its protected
 * code increments a per-(tenant, order) counter item in a second table and prints one line, so
 * the test can count how often it really ran.
 *
 * <p>Everything is built once at init and shared by all handler threads; the handler keeps no
 * per-request state of its own.
 */
public final class TenantOrderHandler implements RequestHandler<Map<String, Object>, Confirmation> {

    /** Test-only variable: the endpoint of the test JVM's DynamoDB test server. */
    public static final String ENDPOINT_VARIABLE = "IDEMPOTENCY_TEST_DYNAMODB_ENDPOINT";
    /** The idempotency table. */
    public static final String TABLE_VARIABLE = "IDEMPOTENCY_TABLE";
    /** The table of execution counters. */
    public static final String COUNTER_TABLE_VARIABLE = "IDEMPOTENCY_TEST_COUNTER_TABLE";
    /** The prefix of the line the protected code prints. */
    public static final String EXECUTED = "executed-protected-code";

    private static final DynamoDbClient CLIENT = DynamoDbClient.builder()
            .endpointOverride(URI.create(required(ENDPOINT_VARIABLE)))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private static final String COUNTER_TABLE = required(COUNTER_TABLE_VARIABLE);

    private static final Idempotency IDEMPOTENCY = Idempotency.of(IdempotencyConfig.builder()
            .persistenceStore(DynamoDbPersistenceStore.builder()
                    .tableName(required(TABLE_VARIABLE))
                    .dynamoDbClient(CLIENT)
                    .build())
            .eventKeyJmesPath("orderId")
            .payloadValidationJmesPath("amount")
            // A duplicate that arrives while the first call runs waits for its stored response.
            .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofSeconds(20))
                    .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)))
            .build());

    private static final RequestHandler<Map<String, Object>, Confirmation> HANDLER =
            IDEMPOTENCY.handler(Confirmation.class, TenantOrderHandler::confirm);

    @Override
    public Confirmation handleRequest(Map<String, Object> event, Context context) {
        return HANDLER.handleRequest(event, context);
    }

    private static Confirmation confirm(Map<String, Object> event, Context context) {
        String tenant = context.getTenantId();
        String orderId = String.valueOf(event.get("orderId"));
        int amount = ((Number) event.get("amount")).intValue();
        long execution = Long.parseLong(CLIENT.updateItem(b -> b.tableName(COUNTER_TABLE)
                .key(Map.of("id", AttributeValue.fromS(tenant + "|" + orderId)))
                .updateExpression("ADD executions :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW))
                .attributes().get("executions").n());
        System.out.println(EXECUTED + " tenant=" + tenant + " order=" + orderId + " request="
                + context.getAwsRequestId());
        return new Confirmation(tenant, orderId, amount, context.getAwsRequestId(), execution);
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + variable + " for " + TenantOrderHandler.class.getSimpleName());
        }
        return value;
    }
}
