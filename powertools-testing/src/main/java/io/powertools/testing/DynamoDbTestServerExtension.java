package io.powertools.testing;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A JUnit 5 extension that gives a test class its own {@link DynamoDbTestServer}: an in-memory
 * dynalite on a free loopback port (or the configured external endpoint), started before the
 * class's first test and ended after its last.
 *
 * <p>Register it on a static field to reach the server from anywhere in the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();
 *
 * @BeforeAll
 * static void createTable() {
 *     DYNAMO.createIdempotencyTable("idempotency");
 * }
 * }</pre>
 *
 * <p>or with {@code @ExtendWith(DynamoDbTestServerExtension.class)} and a {@link DynamoDbClient}
 * or {@link DynamoDbTestServer} parameter on test methods, constructors or lifecycle methods.
 *
 * <p><b>One server per test class</b> (nested classes share their enclosing class's server): each
 * class starts with no tables, so tests may count or scan everything in a table, and classes never
 * see each other's data. Starting dynalite takes about 0.2 s, little against what a class of
 * DynamoDB tests does; a faster shared server would make tables leak between classes.
 */
public final class DynamoDbTestServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final DynamoDbTestServer.Builder builder;
    private DynamoDbTestServer server;
    private String ownerId;

    /** An extension with an in-memory server on a free port. */
    public DynamoDbTestServerExtension() {
        this(DynamoDbTestServer.builder());
    }

    /**
     * An extension whose server the builder configures (e.g. a fixed port).
     *
     * @param builder the configuration; {@link DynamoDbTestServer.Builder#start()} is called before the class
     */
    public DynamoDbTestServerExtension(DynamoDbTestServer.Builder builder) {
        this.builder = builder;
    }

    /**
     * Starts the server unless it already runs for an enclosing class.
     *
     * @param context the class's extension context
     */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (server == null) {
            server = builder.start();
            ownerId = context.getUniqueId();
        }
    }

    /**
     * Ends the server after the class that started it.
     *
     * @param context the class's extension context
     */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(ownerId)) {
            DynamoDbTestServer running = server;
            server = null;
            ownerId = null;
            running.close();
        }
    }

    /**
     * The running server.
     *
     * @return the server
     * @throws IllegalStateException outside the class's lifetime
     */
    public synchronized DynamoDbTestServer server() {
        if (server == null) {
            throw new IllegalStateException("The DynamoDB test server is not running: it runs from beforeAll to"
                    + " afterAll of the class that registers DynamoDbTestServerExtension (a static @RegisterExtension"
                    + " field or @ExtendWith on the class, not on a method)");
        }
        return server;
    }

    /**
     * The server's shared client (closed with the server).
     *
     * @return the client
     */
    public DynamoDbClient client() {
        return server().client();
    }

    /**
     * The server's endpoint.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return server().endpoint();
    }

    /**
     * Creates an on-demand table with a string partition key; see {@link DynamoDbTestServer#createTable}.
     *
     * @param tableName the table
     * @param partitionKey the partition key attribute
     */
    public void createTable(String tableName, String partitionKey) {
        server().createTable(tableName, partitionKey);
    }

    /**
     * Creates an on-demand table with string partition and sort keys; see {@link DynamoDbTestServer#createTable}.
     *
     * @param tableName the table
     * @param partitionKey the partition key attribute
     * @param sortKey the sort key attribute
     */
    public void createTable(String tableName, String partitionKey, String sortKey) {
        server().createTable(tableName, partitionKey, sortKey);
    }

    /**
     * Creates an idempotency table; see {@link DynamoDbTestServer#createIdempotencyTable}.
     *
     * @param tableName the table
     * @return whether TTL is enabled on it
     */
    public boolean createIdempotencyTable(String tableName) {
        return server().createIdempotencyTable(tableName);
    }

    /**
     * Resolves parameters of type {@link DynamoDbClient} and {@link DynamoDbTestServer}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return whether the parameter is one of those types
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DynamoDbClient.class || type == DynamoDbTestServer.class;
    }

    /**
     * Supplies the client or the server.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the client or the server
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        DynamoDbTestServer running;
        synchronized (this) {
            running = server;
        }
        if (running == null) {
            throw new ParameterResolutionException("The DynamoDB test server is not running: register"
                    + " DynamoDbTestServerExtension on the test class (static @RegisterExtension field or @ExtendWith),"
                    + " not on a method");
        }
        return parameterContext.getParameter().getType() == DynamoDbClient.class ? running.client() : running;
    }
}
