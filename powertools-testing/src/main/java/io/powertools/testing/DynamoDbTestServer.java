package io.powertools.testing;

import io.powertools.testing.internal.DynaliteInstallation;
import io.powertools.testing.internal.DynaliteProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A DynamoDB for tests: <a href="https://github.com/architect/dynalite">dynalite</a> 4.0.0, an
 * open-source (Apache-2.0) implementation of the DynamoDB API, run by Node.js as a child process
 * on a loopback port; or, when the user configured one, an external endpoint (their own emulator
 * or a real table).
 *
 * <pre>{@code
 * try (DynamoDbTestServer dynamo = DynamoDbTestServer.start()) {
 *     dynamo.createIdempotencyTable("idempotency");
 *     PersistenceStore store = DynamoDbPersistenceStore.builder()
 *             .tableName("idempotency").dynamoDbClient(dynamo.client()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>External endpoint.</b> When the system property {@value #ENDPOINT_PROPERTY} or the
 * environment variable {@value #ENDPOINT_VARIABLE} is set, no process starts: the server object
 * points at that endpoint, clients sign with the credentials of the {@code aws.accessKeyId} /
 * {@code AWS_ACCESS_KEY_ID} settings when present (dummy ones otherwise) and the region of
 * {@code aws.region} / {@code AWS_REGION} (default {@code us-east-1}), and {@link #createTable}
 * keeps a table that already exists with the same key. A server with a
 * {@linkplain Builder#dataDirectory(Path) data directory} is always a local process, since it
 * exists to be stopped and restarted.
 *
 * <p><b>Finding dynalite.</b> {@code node} is taken from the PATH ({@link Builder#node(String)}
 * overrides it); dynalite's package directory from the system property
 * {@code powertools.test.dynalite} or the environment variable {@code POWERTOOLS_TEST_DYNALITE}, else
 * the first {@code node_modules/dynalite} walking up from the working directory. When Node.js or
 * dynalite is missing, {@link Builder#start()} fails with one message naming the requirement and
 * the external-endpoint alternative.
 *
 * <p><b>Lifecycle.</b> {@link #close()} closes the client and ends the Node.js process and any
 * process it started. Servers still running when the JVM exits are ended by a shutdown hook, and a
 * server whose JVM was killed ends by itself (it watches its standard input). Instances are
 * thread-safe.
 *
 * <p>What differs from DynamoDB is listed in {@code docs/testing.md}: notably no old item on a
 * failed condition ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}), no TTL configuration and
 * no deletion of expired items.
 */
public final class DynamoDbTestServer implements AutoCloseable {

    /** System property naming an external DynamoDB endpoint to use instead of starting dynalite. */
    public static final String ENDPOINT_PROPERTY = "powertools.test.dynamodb.endpoint";
    /** Environment variable naming an external DynamoDB endpoint; the system property wins. */
    public static final String ENDPOINT_VARIABLE = "POWERTOOLS_TEST_DYNAMODB_ENDPOINT";
    /** The region clients of a local server use; dynalite accepts any. */
    public static final Region DEFAULT_REGION = Region.US_EAST_1;

    private static final AwsBasicCredentials DUMMY_CREDENTIALS = AwsBasicCredentials.create("test", "test");
    private static final int PORT_ATTEMPTS = 5;

    private final Builder config;
    private final DynaliteInstallation installation;
    private final URI externalEndpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private int port;
    private DynaliteProcess process;
    private DynamoDbClient client;
    private boolean closed;

    private DynamoDbTestServer(Builder config, URI externalEndpoint) {
        this.config = config;
        this.externalEndpoint = externalEndpoint;
        this.port = config.port;
        if (externalEndpoint == null) {
            this.installation = DynaliteInstallation.locate(config.node, config.dynaliteDirectory);
            this.region = DEFAULT_REGION;
            this.credentials = StaticCredentialsProvider.create(DUMMY_CREDENTIALS);
        } else {
            this.installation = null;
            this.region = externalRegion();
            this.credentials = AwsCredentialsProviderChain.builder()
                    .credentialsProviders(SystemPropertyCredentialsProvider.create(),
                            EnvironmentVariableCredentialsProvider.create(),
                            StaticCredentialsProvider.create(DUMMY_CREDENTIALS))
                    .build();
        }
    }

    /**
     * Starts an in-memory server on a free port (or uses the configured external endpoint).
     *
     * @return the running server; close it
     * @throws IllegalStateException when dynalite cannot start, saying why and what to do
     */
    public static DynamoDbTestServer start() {
        return builder().start();
    }

    /**
     * A builder, for a persistent server, a fixed port or another Node.js.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The external endpoint the user configured ({@value #ENDPOINT_PROPERTY}, else
     * {@value #ENDPOINT_VARIABLE}).
     *
     * @return the endpoint, or {@code null} when none is set
     * @throws IllegalArgumentException when the value is not an absolute http(s) URI
     */
    public static URI configuredEndpoint() {
        String value = System.getProperty(ENDPOINT_PROPERTY);
        String source = "-D" + ENDPOINT_PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENDPOINT_VARIABLE);
            source = ENDPOINT_VARIABLE;
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + "=" + value + " is not a URI; expected e.g."
                    + " http://127.0.0.1:8000", e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(source + "=" + value + " is not an http(s) endpoint; expected e.g."
                    + " http://127.0.0.1:8000");
        }
        return uri;
    }

    private synchronized DynamoDbTestServer launch() {
        if (externalEndpoint != null) {
            return this;
        }
        List<RuntimeException> failures = new ArrayList<>();
        boolean fixedPort = port != 0;
        // A free port can be taken between probing and binding; another one usually works.
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int candidate = fixedPort ? port : freePort();
            try {
                process = DynaliteProcess.start(installation, candidate, config.dataDirectory, config.startupTimeout);
                port = candidate;
                return this;
            } catch (DynaliteProcess.PortInUseException e) {
                failures.add(e);
                if (fixedPort) {
                    // The port was just released by stop(); binding it again may need a moment.
                    pause(200);
                }
            }
        }
        IllegalStateException failure = new IllegalStateException("dynalite could not bind a loopback port in "
                + PORT_ATTEMPTS + " attempts: " + failures.get(failures.size() - 1).getMessage());
        failures.forEach(failure::addSuppressed);
        throw failure;
    }

    /**
     * Stops the server process, keeping its data directory, so a test can simulate an outage;
     * {@link #restart()} brings it back on the same port. The client stays usable and fails while
     * the server is down.
     *
     * @throws IllegalStateException for an external endpoint, which this kit does not control
     */
    public synchronized void stop() {
        requireLocal("stop");
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /**
     * Starts the server again on the same port (stopping it first if it runs). With a
     * {@linkplain Builder#dataDirectory(Path) data directory} every table and item is still there;
     * an in-memory server comes back empty.
     *
     * @return this server
     * @throws IllegalStateException for an external endpoint, or after {@link #close()}
     */
    public synchronized DynamoDbTestServer restart() {
        requireLocal("restart");
        if (closed) {
            throw new IllegalStateException("This DynamoDbTestServer was closed; start a new one");
        }
        stop();
        return launch();
    }

    /**
     * Tells whether this server is an external endpoint rather than a dynalite process of this JVM.
     *
     * @return true for an external endpoint
     */
    public boolean isExternal() {
        return externalEndpoint != null;
    }

    /**
     * Tells whether the server answers: the dynalite process runs, or the endpoint is external.
     *
     * @return false after {@link #stop()} or {@link #close()}
     */
    public synchronized boolean isRunning() {
        return !closed && (externalEndpoint != null || process != null && process.isAlive());
    }

    /**
     * The endpoint to configure clients with.
     *
     * @return {@code http://127.0.0.1:<port>}, or the external endpoint
     */
    public synchronized URI endpoint() {
        return externalEndpoint != null ? externalEndpoint : URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The region clients use.
     *
     * @return {@code us-east-1} for dynalite; for an external endpoint {@code aws.region} /
     *     {@code AWS_REGION} if set
     */
    public Region region() {
        return region;
    }

    /**
     * The Node.js process of a local server, for tests of the process handling.
     *
     * @return the process, or empty for an external endpoint or a stopped server
     */
    public synchronized java.util.Optional<ProcessHandle> process() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.handle());
    }

    /**
     * A client for this server, built once and closed by {@link #close()}; do not close it yourself.
     *
     * @return the shared client
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized DynamoDbClient client() {
        if (closed) {
            throw new IllegalStateException("This DynamoDbTestServer was closed");
        }
        if (client == null) {
            client = clientBuilder().build();
        }
        return client;
    }

    /**
     * A builder of a new client for this server, for clients with interceptors or other settings:
     * endpoint, region, credentials and the URL-connection HTTP client (the one the library uses in
     * production, set explicitly so no other client on the class path is picked) are set. Close
     * the clients you build.
     *
     * @return a configured builder
     */
    public DynamoDbClientBuilder clientBuilder() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    /**
     * Creates an on-demand table with a string partition key.
     *
     * @param tableName the table name (3 to 255 characters, as in DynamoDB)
     * @param partitionKey the partition key attribute
     */
    public void createTable(String tableName, String partitionKey) {
        createTable(tableName, partitionKey, null);
    }

    /**
     * Creates an on-demand table with a string partition key and, if given, a string sort key, and
     * returns once it is ACTIVE. On an external endpoint a table that already exists with the same
     * key is kept (with its items).
     *
     * @param tableName the table name (3 to 255 characters, as in DynamoDB)
     * @param partitionKey the partition key attribute
     * @param sortKey the sort key attribute, or {@code null} for none
     * @throws IllegalStateException when an external table of that name has another key
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
        DynamoDbClient dynamo = client();
        try {
            CreateTableResponse created = dynamo.createTable(request -> request.tableName(tableName)
                    .keySchema(keys).attributeDefinitions(attributes).billingMode(BillingMode.PAY_PER_REQUEST));
            if (created.tableDescription().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
        } catch (ResourceInUseException exists) {
            if (!isExternal()) {
                throw exists;
            }
            List<KeySchemaElement> existing = dynamo.describeTable(request -> request.tableName(tableName))
                    .table().keySchema();
            if (!existing.equals(keys)) {
                throw new IllegalStateException("Table " + tableName + " already exists at " + endpoint()
                        + " with key " + existing + ", not " + keys + "; delete it or use another table name");
            }
        }
        dynamo.waiter().waitUntilTableExists(request -> request.tableName(tableName));
    }

    /**
     * Creates an idempotency table with the default schema of {@code powertools-idempotency}
     * (partition key {@code id}) and enables TTL on {@code expiration} where the server supports
     * it. dynalite does not (it answers {@code UnknownOperationException} and never deletes
     * expired items); the library does not rely on deletion either way.
     *
     * @param tableName the table name
     * @return whether TTL is enabled on the table
     */
    public boolean createIdempotencyTable(String tableName) {
        createTable(tableName, "id");
        try {
            client().updateTimeToLive(request -> request.tableName(tableName)
                    .timeToLiveSpecification(ttl -> ttl.attributeName("expiration").enabled(true)));
            return true;
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if ("UnknownOperationException".equals(code)) {
                return false;
            }
            if (isExternal() && "ValidationException".equals(code) && String.valueOf(e.getMessage())
                    .contains("already enabled")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Closes the client and ends the server process and its children (nothing for an external
     * endpoint). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public String toString() {
        return "DynamoDbTestServer[" + (isExternal() ? "external " : "dynalite ") + endpoint()
                + (config.dataDirectory != null ? ", data in " + config.dataDirectory : "") + "]";
    }

    private void requireLocal(String action) {
        if (isExternal()) {
            throw new IllegalStateException("Cannot " + action + " the external DynamoDB endpoint " + externalEndpoint
                    + " (set by " + ENDPOINT_PROPERTY + " / " + ENDPOINT_VARIABLE + "); only a dynalite process of this"
                    + " JVM can be stopped and restarted: use a server with a data directory");
        }
    }

    private static Region externalRegion() {
        String configured = System.getProperty("aws.region");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("AWS_REGION");
        }
        return configured == null || configured.isBlank() ? DEFAULT_REGION : Region.of(configured.trim());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Could not find a free loopback port: " + e.getMessage(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting dynalite", e);
        }
    }

    /**
     * Configures a {@link DynamoDbTestServer}. Not thread-safe; each {@link #start()} takes a
     * snapshot, so one builder can start several servers.
     */
    public static final class Builder {

        private Path dataDirectory;
        private int port;
        private String node = "node";
        private Path dynaliteDirectory;
        private URI externalEndpoint;
        private Duration startupTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        private Builder(Builder other) {
            this.dataDirectory = other.dataDirectory;
            this.port = other.port;
            this.node = other.node;
            this.dynaliteDirectory = other.dynaliteDirectory;
            this.externalEndpoint = other.externalEndpoint;
            this.startupTimeout = other.startupTimeout;
        }

        /**
         * Keeps the tables on disk in this directory (dynalite {@code --path}), so they survive
         * {@link DynamoDbTestServer#stop()} and {@link DynamoDbTestServer#restart()}. Such a server
         * is always a local process, even when an external endpoint is configured.
         *
         * @param directory the LevelDB directory (created if missing)
         * @return this builder
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Listens on this loopback port instead of a free one.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The Node.js executable (default {@code node} from the PATH).
         *
         * @param executable a command name or a path
         * @return this builder
         */
        public Builder node(String executable) {
            this.node = Objects.requireNonNull(executable, "executable");
            return this;
        }

        /**
         * dynalite's package directory (the one with {@code cli.js}); by default found as the
         * class documentation says.
         *
         * @param directory e.g. {@code node_modules/dynalite}
         * @return this builder
         */
        public Builder dynaliteDirectory(Path directory) {
            this.dynaliteDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Uses this endpoint instead of starting dynalite, like {@value #ENDPOINT_PROPERTY} does.
         *
         * @param endpoint e.g. {@code http://127.0.0.1:8000}
         * @return this builder
         */
        public Builder externalEndpoint(URI endpoint) {
            this.externalEndpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * How long to wait for dynalite to listen (default 30 s).
         *
         * @param timeout the bound
         * @return this builder
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts the server, or connects to the external endpoint.
         *
         * @return the running server; close it
         * @throws IllegalStateException when dynalite cannot start, saying why and what to do
         */
        public DynamoDbTestServer start() {
            Builder snapshot = new Builder(this);
            if (snapshot.externalEndpoint != null && snapshot.dataDirectory != null) {
                throw new IllegalStateException("A DynamoDbTestServer with a data directory is a local dynalite"
                        + " process; it cannot also use the external endpoint " + snapshot.externalEndpoint);
            }
            URI external = snapshot.externalEndpoint;
            if (external == null && snapshot.dataDirectory == null) {
                external = configuredEndpoint();
            }
            return new DynamoDbTestServer(snapshot, external).launch();
        }
    }
}
