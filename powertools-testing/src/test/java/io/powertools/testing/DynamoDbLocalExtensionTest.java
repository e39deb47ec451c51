package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The extension registered on a static field, as most tests will use it. */
class DynamoDbLocalExtensionTest {

    @RegisterExtension
    static DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Test
    void putAndGetAnItemThroughTheClient() {
        dynamo.createTable("orders", "id");
        DynamoDbClient client = dynamo.client();

        client.putItem(request -> request.tableName("orders").item(Map.of(
                "id", AttributeValue.fromS("order-1"),
                "status", AttributeValue.fromS("COMPLETED"),
                "amount", AttributeValue.fromN("42"))));
        GetItemResponse response = client.getItem(request -> request.tableName("orders")
                .key(Map.of("id", AttributeValue.fromS("order-1"))).consistentRead(true));

        assertThat(response.item()).containsEntry("status", AttributeValue.fromS("COMPLETED"))
                .containsEntry("amount", AttributeValue.fromN("42"));
    }

    @Test
    void createTableWithSortKey() {
        dynamo.createTable("events", "pk", "sk");

        var keySchema = dynamo.client().describeTable(request -> request.tableName("events")).table().keySchema();

        assertThat(keySchema).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
    }

    @Test
    void exposesEndpointAndPortOnLoopback(DynamoDbClient injected, DynamoDbLocalExtension extension) {
        assertThat(extension).isSameAs(dynamo);
        assertThat(injected).isSameAs(dynamo.client());
        assertThat(dynamo.endpoint().toString()).isEqualTo("http://127.0.0.1:" + dynamo.port());
        assertThat(dynamo.client().serviceClientConfiguration().endpointOverride()).contains(dynamo.endpoint());
    }

    @Nested
    class NestedClass {

        @Test
        void sharesTheServerOfTheEnclosingClass(DynamoDbClient injected) {
            assertThat(injected).isSameAs(dynamo.client());
            assertThat(dynamo.isRunning()).isTrue();
        }
    }
}
