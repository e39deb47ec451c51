package com.example.managed;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration, read once from its environment variables when the handler is
 * created. A missing variable fails the init with a message naming it.
 *
 * @param idempotencyTable {@code IDEMPOTENCY_TABLE}
 * @param ordersTable {@code ORDERS_TABLE}
 * @param dynamoDbEndpoint {@code DYNAMODB_ENDPOINT}: only for local runs against a DynamoDB-compatible
 *     server (dynalite in the tests)
 */
public record ManagedSettings(String idempotencyTable, String ordersTable, Optional<URI> dynamoDbEndpoint) {

    /**
     * Reads the settings.
     *
     * @param env the variables, usually {@code System.getenv()}
     * @return the settings
     * @throws IllegalStateException when a required variable is missing
     */
    public static ManagedSettings from(Map<String, String> env) {
        return new ManagedSettings(required(env, "IDEMPOTENCY_TABLE"), required(env, "ORDERS_TABLE"),
                Optional.ofNullable(env.get("DYNAMODB_ENDPOINT")).filter(v -> !v.isBlank()).map(URI::create));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set: set it to the table name"
                    + " (template.yaml does this with !Ref)");
        }
        return value;
    }
}
