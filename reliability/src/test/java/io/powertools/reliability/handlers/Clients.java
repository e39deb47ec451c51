package io.powertools.reliability.handlers;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds what the test functions share, once, at init. */
final class Clients {

    private Clients() {
    }

    /**
     * A client for the test JVM's dynalite, with the production HTTP client (set explicitly, so an
     * SDK builder never picks another one from the class path) and a bounded call time, so an
     * unreachable table fails an invocation in seconds instead of hanging it.
     */
    static DynamoDbClient dynamoDb(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(3))
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(4)))
                .build();
    }

    static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + variable + " for the test function");
        }
        return value;
    }
}
