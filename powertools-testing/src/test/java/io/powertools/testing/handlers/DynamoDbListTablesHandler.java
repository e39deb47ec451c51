package io.powertools.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test handler written as a function on Lambda would be: an SDK client with the default credentials
 * and region chains (nothing configured but the endpoint of the local server), answering with the
 * table names it lists.
 */
public class DynamoDbListTablesHandler implements RequestHandler<Map<String, Object>, Object> {

    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
        return client.listTables().tableNames();
    }
}
