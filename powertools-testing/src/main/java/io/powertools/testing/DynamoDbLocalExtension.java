package io.powertools.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * A JUnit 5 extension that runs DynamoDB Local in-process, in memory, on a free port for the
 * duration of a test class, and hands tests a {@link DynamoDbClient} configured for it.
 *
 * <p>Register it on a static field to reach the client and helpers from anywhere in the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();
 *
 * @Test
 * void stores() {
 *     dynamo.createTable("idempotency", "id");
 *     dynamo.client().putItem(...);
 * }
 * }</pre>
 *
 * <p>or with {@code @ExtendWith(DynamoDbLocalExtension.class)} and a {@code DynamoDbClient} (or
 * {@code DynamoDbLocalExtension}) parameter on test methods, constructors or lifecycle methods.
 *
 * <p>The server starts before the first test of the class that registered the extension (nested
 * classes share it) and stops, with the client closed, after that class. The client uses the
 * URL-connection HTTP client explicitly: DynamoDB Local brings other HTTP clients onto the class
 * path, and an SDK builder left to choose would silently pick one production does not use.
 *
 * <p>Requires {@code software.amazon.dynamodb:DynamoDBLocal}, {@code software.amazon.awssdk:dynamodb}
 * and {@code software.amazon.awssdk:url-connection-client} on the test class path (optional
 * dependencies of this module).
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** The region the client is configured with; DynamoDB Local accepts any. */
    public static final Region REGION = Region.US_EAST_1;

    private static final int START_ATTEMPTS = 3;

    private DynamoDBProxyServer server;
    private DynamoDbClient client;
    private int port;
    private String ownerId;

    /** Creates the extension; nothing starts until JUnit calls {@link #beforeAll(ExtensionContext)}. */
    public DynamoDbLocalExtension() {
    }

    /**
     * Starts DynamoDB Local unless it already runs for an enclosing class.
     *
     * @param context the class's extension context
     */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (server != null) {
            return;
        }
        start();
        ownerId = context.getUniqueId();
    }

    /**
     * Stops DynamoDB Local and closes the client after the class that started it.
     *
     * @param context the class's extension context
     */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(ownerId)) {
            stop();
        }
    }

    /**
     * Starts the server and the client. Called by {@link #beforeAll(ExtensionContext)}; call it
     * directly only when using this class outside of JUnit, and pair it with {@link #stop()}.
     *
     * @throws IllegalStateException if it is already running or cannot start
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("DynamoDB Local is already running on port " + port);
        }
        List<Exception> failures = new ArrayList<>();
        // The free port could be taken between probing and binding; a new port usually works.
        for (int attempt = 0; attempt < START_ATTEMPTS && server == null; attempt++) {
            int candidate = freePort();
            try {
                DynamoDBProxyServer started = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-port", Integer.toString(candidate), "-disableTelemetry"});
                started.start();
                server = started;
                port = candidate;
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (server == null) {
            IllegalStateException failure = new IllegalStateException("DynamoDB Local did not start after "
                    + START_ATTEMPTS + " attempts: " + failures.get(failures.size() - 1)
                    + ". Check that software.amazon.dynamodb:DynamoDBLocal and its sqlite4java libraries are on"
                    + " the test class path.");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        client = DynamoDbClient.builder()
                .endpointOverride(endpointOf(port))
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * Closes the client and stops the server. Idempotent. Called by {@link #afterAll(ExtensionContext)}.
     *
     * @throws IllegalStateException if the server fails to stop
     */
    public synchronized void stop() {
        DynamoDbClient runningClient = client;
        DynamoDBProxyServer runningServer = server;
        client = null;
        server = null;
        ownerId = null;
        if (runningClient != null) {
            runningClient.close();
        }
        if (runningServer != null) {
            try {
                runningServer.stop();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local on port " + port + " did not stop: " + e, e);
            }
        }
    }

    /**
     * Tells whether the server is running.
     *
     * @return {@code true} between start and stop
     */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Returns the client configured for the running server. Do not close it; the extension does.
     *
     * @return the client
     * @throws IllegalStateException if the server is not running
     */
    public synchronized DynamoDbClient client() {
        requireRunning();
        return client;
    }

    /**
     * Returns the server's port.
     *
     * @return the port (the server listens on all interfaces; the client uses 127.0.0.1)
     * @throws IllegalStateException if the server is not running
     */
    public synchronized int port() {
        requireRunning();
        return port;
    }

    /**
     * Returns the endpoint to configure other clients with (e.g. an Enhanced Client or an async client).
     *
     * @return {@code http://127.0.0.1:<port>}
     * @throws IllegalStateException if the server is not running
     */
    public synchronized URI endpoint() {
        requireRunning();
        return endpointOf(port);
    }

    /**
     * Creates an on-demand table with a string partition key.
     *
     * @param tableName the table name
     * @param partitionKey the partition key attribute name
     */
    public void createTable(String tableName, String partitionKey) {
        createTable(tableName, partitionKey, null);
    }

    /**
     * Creates an on-demand table with a string partition key and, if given, a string sort key.
     * DynamoDB Local creates tables synchronously, so the table is usable on return.
     *
     * @param tableName the table name
     * @param partitionKey the partition key attribute name
     * @param sortKey the sort key attribute name, or {@code null} for none
     */
    public void createTable(String tableName, String partitionKey, String sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(partitionKey)
                .attributeType(ScalarAttributeType.S).build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(sortKey)
                    .attributeType(ScalarAttributeType.S).build());
        }
        client().createTable(request -> request.tableName(tableName)
                .keySchema(keys)
                .attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /**
     * Resolves parameters of type {@link DynamoDbClient} and {@link DynamoDbLocalExtension}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return whether the parameter is one of those types
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DynamoDbClient.class || type == DynamoDbLocalExtension.class;
    }

    /**
     * Supplies the client or this extension.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the client or this extension
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (!isRunning()) {
            throw new ParameterResolutionException("DynamoDB Local is not running: register DynamoDbLocalExtension on"
                    + " the test class (static @RegisterExtension field or @ExtendWith), not on a method");
        }
        return parameterContext.getParameter().getType() == DynamoDbClient.class ? client() : this;
    }

    private void requireRunning() {
        if (server == null) {
            throw new IllegalStateException("DynamoDB Local is not running: it runs from beforeAll to afterAll of the"
                    + " class that registers DynamoDbLocalExtension (use a static @RegisterExtension field)");
        }
    }

    private static URI endpointOf(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static int freePort() {
        // DynamoDB Local binds all interfaces, so probe the wildcard address, not just loopback.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Could not find a free port: " + e, e);
        }
    }
}
