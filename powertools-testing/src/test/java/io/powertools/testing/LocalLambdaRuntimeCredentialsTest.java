package io.powertools.testing;

import static io.powertools.testing.RuntimeTestSupport.ECHO;
import static io.powertools.testing.RuntimeTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The function gets credentials and a region the way Lambda gives them (environment variables), so
 * an SDK client built with the default chains works against a local server with no setup on the
 * machine running the tests, and the credentials can be replaced or taken from the test JVM.
 */
@Timeout(90)
class LocalLambdaRuntimeCredentialsTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    @BeforeAll
    static void createTable() {
        DYNAMO.createTable("credentials-check", "id");
    }

    @Test
    void anSdkClientWithTheDefaultChainsReachesALocalServer() {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.testing.handlers.DynamoDbListTablesHandler::handleRequest")
                .environment("DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString())
                .start()) {
            InvocationResult result = runtime.invokeAndWait("{}");

            assertThat(result.error()).as("no 'Unable to load credentials' or region error").isEmpty();
            assertThat(json(result.response()).toString()).contains("credentials-check");
        }
    }

    @Test
    void dummyCredentialsAndRegionByDefault() {
        JsonNode answer = echo(LocalLambdaRuntime.builder());

        assertThat(answer.get("accessKeyId").asText()).isEqualTo(LocalLambdaRuntime.DEFAULT_ACCESS_KEY_ID);
        assertThat(answer.get("secretAccessKey").asText()).isEqualTo(LocalLambdaRuntime.DEFAULT_SECRET_ACCESS_KEY);
        assertThat(answer.has("sessionToken")).as("no session token: %s", answer).isFalse();
        assertThat(answer.get("region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void credentialsAndRegionCanBeReplaced() {
        JsonNode answer = echo(LocalLambdaRuntime.builder()
                .credentials("AKIDEXAMPLE", "example-secret", "example-token")
                .region("eu-west-1"));

        assertThat(answer.get("accessKeyId").asText()).isEqualTo("AKIDEXAMPLE");
        assertThat(answer.get("secretAccessKey").asText()).isEqualTo("example-secret");
        assertThat(answer.get("sessionToken").asText()).isEqualTo("example-token");
        assertThat(answer.get("region").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void inheritedCredentialsAreTheTestJvmsOwn() {
        JsonNode answer = echo(LocalLambdaRuntime.builder().inheritCredentials());

        // The runtime client leaves null members out of the answer.
        assertThat(answer.has("accessKeyId") ? answer.get("accessKeyId").asText() : null)
                .isEqualTo(System.getenv("AWS_ACCESS_KEY_ID"))
                .isNotEqualTo(LocalLambdaRuntime.DEFAULT_ACCESS_KEY_ID);
    }

    @Test
    void blankCredentialsAreRefusedWithTheWayOut() {
        assertThatThrownBy(() -> LocalLambdaRuntime.builder().credentials(" ", "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeyId must not be blank")
                .hasMessageContaining("dummy credentials");
    }

    private static JsonNode echo(LocalLambdaRuntime.Builder builder) {
        try (LocalLambdaRuntime runtime = builder.handler(ECHO).start()) {
            return json(runtime.invokeAndWait("{}").response());
        }
    }
}
