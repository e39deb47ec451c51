package io.powertools.reliability.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local in this JVM with its tables in a file ({@code -sharedDb -dbPath}), so it can be
 * stopped and started again on the same port with every item still there: an outage, not a loss.
 */
public final class FileBackedDynamoDb implements AutoCloseable {

    private final Path directory;
    private final int port;
    private DynamoDBProxyServer server;

    public FileBackedDynamoDb(Path directory) {
        this.directory = directory;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("already running");
        }
        Exception last = null;
        // The port was just released by stop(); binding it again may need a moment (bounded).
        for (int attempt = 0; attempt < 50 && server == null; attempt++) {
            try {
                DynamoDBProxyServer started = ServerRunner.createServerFromCommandLineArgs(new String[] {
                        "-sharedDb", "-dbPath", directory.toString(), "-port", Integer.toString(port),
                        "-disableTelemetry"});
                started.start();
                server = started;
            } catch (Exception e) {
                last = e;
                Orders.pause(100);
            }
        }
        if (server == null) {
            throw last;
        }
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A new client of the test JVM (close it). */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
