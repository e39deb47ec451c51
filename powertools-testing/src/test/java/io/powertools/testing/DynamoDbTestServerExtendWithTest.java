package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The extension declared with {@code @ExtendWith}: everything reaches the test through parameters. */
@ExtendWith(DynamoDbTestServerExtension.class)
class DynamoDbTestServerExtendWithTest {

    @BeforeAll
    static void createTable(DynamoDbTestServer dynamo) {
        dynamo.createTable("items", "id");
    }

    @Test
    void injectedClientReachesTheServer(DynamoDbClient client) {
        client.putItem(request -> request.tableName("items").item(Map.of("id", AttributeValue.fromS("a"))));

        assertThat(client.scan(request -> request.tableName("items")).items())
                .containsExactly(Map.of("id", AttributeValue.fromS("a")));
    }
}
