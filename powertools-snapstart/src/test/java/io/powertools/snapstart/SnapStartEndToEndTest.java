package io.powertools.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The real Lambda runtime client in SnapStart mode (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start,
 * org.crac.Core.Compat=com.amazonaws.services.lambda.crac): it loads the handler, runs the
 * beforeCheckpoint hooks, asks for a restore, runs the afterRestore hooks, then serves invocations.
 */
class SnapStartEndToEndTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    @Test
    void primesBeforeTheSnapshotWithoutSideEffectsAndReportsTheColdStartAfterRestore(DynamoDbClient dynamo) {
        DYNAMO.createTable("idempotency", "id");
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.snapstart.fixtures.PrimedOrderHandler::handleRequest")
                .snapStart(true)
                .environment("DYNAMO_ENDPOINT", DYNAMO.endpoint().toString())
                .environment("IDEMPOTENCY_TABLE", "idempotency")
                .environment("POWERTOOLS_SERVICE_NAME", "orders")
                .start()) {
            List<InvocationResult> results = List.of(
                    runtime.invokeAndWait(InvocationRequest.builder().payload("{\"orderId\":\"o-1\"}").requestId("req-1").build()),
                    runtime.invokeAndWait(InvocationRequest.builder().payload("{\"orderId\":\"o-2\"}").requestId("req-2").build()));

            assertThat(runtime.restoreCount()).isEqualTo(1);
            JsonNode first = Json.parse(results.get(0).response());
            JsonNode second = Json.parse(results.get(1).response());
            // Priming ran (twice, as priming invocations) before the restore, then the real invocation.
            assertThat(strings(first.get("timeline"))).containsExactly("priming snapstart-priming-orders-1",
                    "priming snapstart-priming-orders-2", "restore", "invoke req-1");
            assertThat(first.get("coldStart").asBoolean()).as("first invocation after restore").isTrue();
            assertThat(second.get("coldStart").asBoolean()).isFalse();
            assertThat(first.get("orderId").asText()).isEqualTo("o-1");

            List<String> stdout = runtime.stdoutLines();
            List<String> emf = stdout.stream().filter(line -> line.contains("\"_aws\"")).collect(Collectors.toList());
            // Two real invocations: two OrderPlaced blobs and one ColdStart blob; nothing from priming.
            assertThat(emf.stream().filter(line -> line.contains("\"OrderPlaced\""))).hasSize(2);
            assertThat(emf.stream().filter(line -> line.contains("\"ColdStart\""))).hasSize(1);
            // No log line at all comes from a priming invocation (the handler's own lines included).
            assertThat(stdout).noneSatisfy(line -> assertThat(line).contains("\"function_request_id\":\"snapstart-priming"));
            // The logging decorator writes no event line for priming invocations.
            assertThat(stdout.stream().filter(line -> line.contains("Handler Event"))
                    .map(line -> Json.parse(line.substring(line.indexOf('{'))).path("function_request_id").asText()))
                    .containsExactly("req-1", "req-2");
            // The class lists of the modules on the class path were primed without errors.
            assertThat(stdout).anySatisfy(line -> assertThat(line).contains("SnapStart priming done")
                    .contains("(0 not loadable), 2 priming invocations"));
        }
        // Idempotency wrote records for the real invocations only.
        List<Map<String, AttributeValue>> items = dynamo.scan(ScanRequest.builder().tableName("idempotency").build()).items();
        assertThat(items).hasSize(2);
        assertThat(items).noneSatisfy(item -> assertThat(item.toString()).contains("priming"));
    }

    @Test
    void aFunctionThatNeverMentionsSnapStartIsPrimedBeforeTheSnapshot() {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.snapstart.fixtures.UnawareOrderHandler::handleRequest")
                .snapStart(true)
                .environment("POWERTOOLS_SERVICE_NAME", "orders")
                .start()) {
            InvocationResult result = runtime.invokeAndWait(
                    InvocationRequest.builder().payload("{\"orderId\":\"o-9\"}").requestId("req-9").build());

            assertThat(runtime.restoreCount()).isEqualTo(1);
            JsonNode response = Json.parse(result.response());
            assertThat(response.get("orderId").asText()).isEqualTo("o-9");
            assertThat(response.get("coldStart").asBoolean()).as("first invocation after restore").isTrue();
            // The library's class lists and priming ran before the snapshot; no invoke priming was asked for.
            assertThat(runtime.stdoutLines()).anySatisfy(line -> assertThat(line).contains("SnapStart priming done")
                    .contains("(0 not loadable), 0 priming invocations"));
        }
    }

    @Test
    void theAutomaticRegistrationCanBeTurnedOff() {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.snapstart.fixtures.UnawareOrderHandler::handleRequest")
                .snapStart(true)
                .environment("POWERTOOLS_SNAPSTART_AUTO_REGISTER", "false")
                .start()) {
            InvocationResult result = runtime.invokeAndWait(
                    InvocationRequest.builder().payload("{\"orderId\":\"o-11\"}").requestId("req-11").build());

            assertThat(Json.parse(result.response()).get("orderId").asText()).isEqualTo("o-11");
            assertThat(runtime.stdoutLines()).noneSatisfy(line -> assertThat(line).contains("SnapStart priming"));
        }
    }

    @Test
    void outsideSnapStartNothingIsRegistered() {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("io.powertools.snapstart.fixtures.UnawareOrderHandler::handleRequest")
                .environment("POWERTOOLS_SERVICE_NAME", "orders")
                .start()) {
            InvocationResult result = runtime.invokeAndWait(
                    InvocationRequest.builder().payload("{\"orderId\":\"o-10\"}").requestId("req-10").build());

            assertThat(Json.parse(result.response()).get("coldStart").asBoolean()).isTrue();
            assertThat(runtime.stdoutLines()).noneSatisfy(line -> assertThat(line).contains("SnapStart priming"));
        }
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toList());
    }
}
