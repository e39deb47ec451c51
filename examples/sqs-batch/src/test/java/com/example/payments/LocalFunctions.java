package com.example.payments;

import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Starts this project's functions on the real Lambda runtime client, against the DynamoDB test server (dynalite). */
final class LocalFunctions {

    static final String IDEMPOTENCY_TABLE = "idempotency";
    static final String PAYMENTS_TABLE = "payments";

    private LocalFunctions() {
    }

    static void createTables(DynamoDbTestServerExtension dynamo) {
        dynamo.createTable(IDEMPOTENCY_TABLE, "id");
        dynamo.createTable(PAYMENTS_TABLE, "paymentId");
    }

    static PaymentProcessor processor(DynamoDbTestServerExtension dynamo) {
        return PaymentsApplication.create(new PaymentsSettings(IDEMPOTENCY_TABLE, PAYMENTS_TABLE,
                Optional.of(dynamo.endpoint())));
    }

    /** A runtime for a handler of this project, with the environment template.yaml sets. */
    static LocalLambdaRuntime.Builder function(String handler, DynamoDbTestServerExtension dynamo) {
        return LocalLambdaRuntime.builder()
                .handler(handler)
                .functionName("payments")
                .jvmArgs("-Dlog4j2.configurationFile=classpath:log4j2.xml")
                .environment("POWERTOOLS_SERVICE_NAME", "payments")
                .environment("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE)
                .environment("PAYMENTS_TABLE", PAYMENTS_TABLE)
                .environment("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
    }

    static int count(DynamoDbTestServerExtension dynamo, String table) {
        return dynamo.client().scan(ScanRequest.builder().tableName(table).build()).count();
    }
}
