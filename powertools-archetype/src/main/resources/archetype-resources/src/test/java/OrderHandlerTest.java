package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.testing.CapturedOutput;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.FakeContext;
import io.powertools.testing.OutputCaptureExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handler called in the test's JVM: a real DynamoDB API (dynalite, started by the kit), the
 * real Log4j2 and EMF output, captured and parsed strictly.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrderHandlerTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static OrderHandler handler;

    @BeforeAll
    static void createHandler() {
        DYNAMO.createIdempotencyTable("idempotency");
        handler = new OrderHandler(DYNAMO.client(), "idempotency");
    }

    @Test
    void acceptsAnOrderLogsItAndCountsIt(CapturedOutput output) {
        Map<String, Object> receipt = handler.handleRequest(Map.of("orderId", "order-1", "items", 3),
                FakeContext.builder().awsRequestId("request-1").build());

        assertEquals("ACCEPTED", receipt.get("status"));
        JsonNode accepted = output.logEvents().stream()
                .filter(line -> line.path("message").asText().equals("Order accepted"))
                .findFirst().orElseThrow(() -> new AssertionError("no 'Order accepted' line in " + output.lines()));
        assertEquals("order-1", accepted.get("orderId").asText());
        assertEquals("request-1", accepted.get("function_request_id").asText());
        assertEquals(List.of(1), orderAcceptedMetrics(output));
    }

    @Test
    void aRetriedDeliveryGetsTheFirstAnswerAndIsNotCountedAgain(CapturedOutput output) {
        Map<String, Object> order = Map.of("orderId", "order-2", "items", 1);
        Map<String, Object> first = handler.handleRequest(order, FakeContext.builder().awsRequestId("first").build());
        Map<String, Object> retry = handler.handleRequest(order, FakeContext.builder().awsRequestId("retry").build());

        assertEquals("first", first.get("acceptedBy"));
        assertEquals(first, retry);
        assertEquals(List.of(1), orderAcceptedMetrics(output));
    }

    @Test
    void anOrderWithoutIdIsRefusedWithTheFix() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(Map.of("items", 1), FakeContext.create()));
        assertTrue(refused.getMessage().contains("no orderId"), refused.getMessage());
    }

    private static List<Integer> orderAcceptedMetrics(CapturedOutput output) {
        return output.emfBlobs().stream()
                .filter(blob -> blob.has("OrderAccepted"))
                .map(blob -> blob.get("OrderAccepted").asInt())
                .collect(Collectors.toList());
    }
}
