package com.example.managed;

import io.powertools.tracing.sdk.TracingInterceptor;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client: the URL-connection HTTP client (small, fast to start), and every call
 * traced as an X-Ray subsegment of the invocation that makes it (powertools-tracing).
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /**
     * Builds a client for AWS (region and credentials from the Lambda environment), or for a
     * local DynamoDB-compatible server (dynalite in the tests) when an endpoint is given.
     *
     * @param localEndpoint the local server's endpoint, or empty for AWS
     * @return the client; share it, it is thread-safe
     */
    public static DynamoDbClient create(Optional<URI> localEndpoint) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new TracingInterceptor()));
        localEndpoint.ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        return builder.build();
    }
}
