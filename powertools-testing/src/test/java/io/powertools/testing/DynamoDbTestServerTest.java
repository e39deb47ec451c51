package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The plain Java API: a dynalite process per server, what it supports and what it does not, the
 * persistent server's restart, the external endpoint, and the messages when something is missing.
 */
class DynamoDbTestServerTest {

    @TempDir
    Path temp;

    @Test
    void servesTablesAndItemsOnALoopbackPort() {
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.start()) {
            assumeFalse(dynamo.isExternal(), "checks the local dynalite process");
            dynamo.createTable("orders", "id");
            dynamo.createTable("events", "pk", "sk");
            DynamoDbClient client = dynamo.client();

            client.putItem(b -> b.tableName("orders").item(Map.of("id", s("o-1"), "amount", AttributeValue.fromN("42"))));

            assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("id", s("o-1"))).consistentRead(true))
                    .item()).containsEntry("amount", AttributeValue.fromN("42"));
            assertThat(client.describeTable(b -> b.tableName("events")).table().keySchema())
                    .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("pk:HASH", "sk:RANGE");
            assertThat(dynamo.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(dynamo.region()).isEqualTo(DynamoDbTestServer.DEFAULT_REGION);
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(dynamo.endpoint());
            assertThat(dynamo.isRunning()).isTrue();
            assertThat(dynamo.client()).isSameAs(client);
        }
    }

    @Test
    void validatesLikeDynamoDb() {
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.start()) {
            assertThatThrownBy(() -> dynamo.createTable("ab", "id"))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("TableName must be at least 3 characters long");
            assertThatThrownBy(() -> dynamo.client().getItem(b -> b.tableName("missing-table")
                    .key(Map.of("id", s("x")))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    /** The differences the idempotency store and docs/testing.md account for. */
    @Test
    void dynaliteHasNoTtlAndReturnsNoItemOnAFailedCondition() {
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.start()) {
            assumeFalse(dynamo.isExternal(), "documents the local dynalite's differences from DynamoDB");

            assertThat(dynamo.createIdempotencyTable("idempotency")).as("TTL enabled").isFalse();
            assertThat(dynamo.client().describeTimeToLive(b -> b.tableName("idempotency"))
                    .timeToLiveDescription().timeToLiveStatusAsString()).isEqualTo("DISABLED");

            dynamo.client().putItem(b -> b.tableName("idempotency").item(Map.of("id", s("k"), "status", s("DONE"))));
            assertThatThrownBy(() -> dynamo.client().putItem(b -> b.tableName("idempotency")
                    .item(Map.of("id", s("k"), "status", s("AGAIN")))
                    .conditionExpression("attribute_not_exists(id)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                    .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                            e -> assertThat(e.hasItem() && !e.item().isEmpty()).as("old item returned").isFalse());
        }
    }

    @Test
    void aPersistentServerKeepsItsItemsAcrossARestartOnTheSamePort() {
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.builder().dataDirectory(temp.resolve("db")).start()) {
            dynamo.createTable("orders", "id");
            dynamo.client().putItem(b -> b.tableName("orders").item(Map.of("id", s("kept"))));
            URI endpoint = dynamo.endpoint();
            long firstPid = dynamo.process().orElseThrow().pid();

            dynamo.stop();
            assertThat(dynamo.isRunning()).isFalse();
            assertThat(accepts(endpoint.getPort())).as("down while stopped").isFalse();
            assertThatThrownBy(() -> dynamo.client().listTables()).isInstanceOf(SdkClientException.class);

            dynamo.restart();

            assertThat(dynamo.endpoint()).isEqualTo(endpoint);
            assertThat(dynamo.process().orElseThrow().pid()).isNotEqualTo(firstPid);
            assertThat(dynamo.client().getItem(b -> b.tableName("orders").key(Map.of("id", s("kept")))
                    .consistentRead(true)).item()).containsEntry("id", s("kept"));
        }
    }

    @Test
    void anInMemoryServerComesBackEmpty() {
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.builder().externalEndpoint(URI.create("http://unused"))
                .start()) {
            assertThatThrownBy(dynamo::restart).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot restart the external DynamoDB endpoint");
        }
        try (DynamoDbTestServer dynamo = DynamoDbTestServer.start()) {
            assumeFalse(dynamo.isExternal(), "restarts a local process");
            dynamo.createTable("orders", "id");
            dynamo.restart();
            assertThat(dynamo.client().listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void closeEndsTheProcessAndItsChildrenAndFreesThePort() {
        DynamoDbTestServer dynamo = DynamoDbTestServer.start();
        assumeFalse(dynamo.isExternal(), "checks the local dynalite process");
        ProcessHandle node = dynamo.process().orElseThrow();
        int port = dynamo.endpoint().getPort();
        assertThat(node.isAlive()).isTrue();

        dynamo.close();

        assertThat(node.isAlive()).isFalse();
        assertThat(node.descendants()).isEmpty();
        assertThat(accepts(port)).isFalse();
        assertThat(dynamo.isRunning()).isFalse();
        assertThatThrownBy(dynamo::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        dynamo.close(); // idempotent
    }

    @Test
    void anExternalEndpointIsUsedWithoutStartingAProcessAndExistingTablesAreKept() {
        try (DynamoDbTestServer emulator = DynamoDbTestServer.start();
                DynamoDbTestServer external = DynamoDbTestServer.builder()
                        .externalEndpoint(emulator.endpoint()).start()) {
            assertThat(external.isExternal()).isTrue();
            assertThat(external.process()).isEmpty();
            assertThat(external.endpoint()).isEqualTo(emulator.endpoint());

            external.createTable("shared", "id");
            external.client().putItem(b -> b.tableName("shared").item(Map.of("id", s("x"))));
            external.createTable("shared", "id"); // exists with the same key: kept

            assertThat(emulator.client().scan(b -> b.tableName("shared")).items()).hasSize(1);
            assertThatThrownBy(() -> external.createTable("shared", "pk"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Table shared already exists")
                    .hasMessageContaining("delete it or use another table name");
            assertThatThrownBy(external::stop).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(DynamoDbTestServer.ENDPOINT_PROPERTY);
        }
    }

    @Test
    void missingNodeFailsWithOneMessageNamingTheRequirementAndTheAlternative() {
        assertThatThrownBy(() -> DynamoDbTestServer.builder().node(temp.resolve("no-node").toString())
                .dataDirectory(temp.resolve("db")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Node.js >= 20")
                .hasMessageContaining("could not be run")
                .hasMessageContaining("npm install dynalite@4.0.0")
                .hasMessageContaining("powertools.test.dynamodb.endpoint")
                .hasMessageContaining("POWERTOOLS_TEST_DYNAMODB_ENDPOINT");
    }

    @Test
    void missingDynaliteFailsWithOneMessageNamingTheRequirementAndTheAlternative() {
        assertThatThrownBy(() -> DynamoDbTestServer.builder().dynaliteDirectory(temp)
                .dataDirectory(temp.resolve("db")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dynalite 4.0.0")
                .hasMessageContaining(temp.resolve("cli.js").toString() + " does not exist")
                .hasMessageContaining("npm ci")
                .hasMessageContaining("powertools.test.dynamodb.endpoint");
    }

    @Test
    void aTakenFixedPortIsReportedNotHung() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DynamoDbTestServer.builder().port(taken.getLocalPort())
                    .dataDirectory(temp.resolve("db")).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not bind")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
