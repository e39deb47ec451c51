package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The extension on a static field, as most tests use it: one server for the class and its nested classes. */
class DynamoDbTestServerExtensionTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    @BeforeAll
    static void createTable() {
        DYNAMO.createTable("orders", "id");
    }

    @Test
    void injectsTheServersClientAndTheServer(DynamoDbClient client, DynamoDbTestServer server) {
        assertThat(server).isSameAs(DYNAMO.server());
        assertThat(client).isSameAs(DYNAMO.client()).isSameAs(server.client());
        assertThat(DYNAMO.endpoint()).isEqualTo(server.endpoint());

        client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"))));

        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1")))
                .consistentRead(true)).item()).isNotEmpty();
    }

    @Nested
    class NestedClass {

        @Test
        void sharesTheEnclosingClassesServer(DynamoDbTestServer server) {
            assertThat(server).isSameAs(DYNAMO.server());
            assertThat(server.client().listTables().tableNames()).contains("orders");
        }
    }
}
