package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The function as Lambda runs it: the real runtime interface client in its own JVM, the default
 * constructor reading its environment, the AWS SDK finding the kit's dummy credentials and region.
 */
class OrderHandlerRuntimeTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    @Test
    void runsUnderTheRealRuntimeClient() {
        DYNAMO.createIdempotencyTable("runtime-idempotency");
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler("${package}.OrderHandler::handleRequest")
                .environment("IDEMPOTENCY_TABLE", "runtime-idempotency")
                .environment("AWS_ENDPOINT_URL_DYNAMODB", DYNAMO.endpoint().toString())
                .start()) {
            InvocationResult result = runtime.invokeAndWait("{\"orderId\":\"order-9\",\"items\":2}");

            assertTrue(result.isSuccess(), () -> "failed: " + result.error() + "\n" + runtime.stdoutLines());
            assertEquals("ACCEPTED", StrictJson.parse(result.response()).get("status").asText());
        }
    }
}
