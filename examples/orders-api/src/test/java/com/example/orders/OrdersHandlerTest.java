package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.FakeContext;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The woven handler in-process, on dynalite (DynamoDbTestServerExtension): answers and what ends up in the tables. */
class OrdersHandlerTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static OrdersHandler handler;

    @BeforeAll
    static void setUp() {
        LocalFunctions.createTables(DYNAMO);
        handler = new OrdersHandler(OrdersApplication.create(new OrdersSettings(LocalFunctions.IDEMPOTENCY_TABLE,
                LocalFunctions.ORDERS_TABLE, Optional.of(DYNAMO.endpoint()))));
    }

    @Test
    void placesAnOrderOnceAndAnswersTheDuplicateFromTheStore() {
        String body = ApiEvents.orderBody("o-unit-1", 2);

        APIGatewayProxyResponseEvent first = handler.handleRequest(ApiEvents.post(body), FakeContext.create());
        APIGatewayProxyResponseEvent second = handler.handleRequest(ApiEvents.post(body), FakeContext.create());

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(first.getHeaders()).doesNotContainKey(ApiResponses.REPLAYED_HEADER);
        JsonNode receipt = Json.parse(first.getBody());
        assertThat(receipt.get("totalCents").asLong()).isEqualTo(2 * 1299 + 250);
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(second.getHeaders()).containsEntry(ApiResponses.REPLAYED_HEADER, "true");
        JsonNode replayed = Json.parse(second.getBody());
        assertThat(replayed.get("requestId").asText()).isEqualTo(receipt.get("requestId").asText());
        assertThat(replayed.get("placedAt").asText()).isEqualTo(receipt.get("placedAt").asText());
        assertThat(DYNAMO.client().getItem(r -> r.tableName(LocalFunctions.ORDERS_TABLE)
                .key(java.util.Map.of("orderId", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("o-unit-1")))).hasItem()).isTrue();
    }

    @Test
    void refusesTheSameOrderIdWithOtherContent() {
        handler.handleRequest(ApiEvents.post(ApiEvents.orderBody("o-unit-2", 1)), FakeContext.create());

        APIGatewayProxyResponseEvent reused = handler.handleRequest(ApiEvents.post(ApiEvents.orderBody("o-unit-2", 5)),
                FakeContext.create());

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(Json.parse(reused.getBody()).get("error").asText()).isEqualTo("OrderIdReused");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no body                 | ''                                                                        | ",
        "not JSON                | '{\"orderId\": '                                                          | ",
        "wrong type              | '{\"orderId\":\"o-x\",\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":\"two\",\"unitPriceCents\":1}]}' | items[0].quantity",
        "no order id             | '{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPriceCents\":1}]}' | orderId",
        "bad order id            | '{\"orderId\":\"a b\",\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPriceCents\":1}]}' | orderId",
        "no items                | '{\"orderId\":\"o-x\",\"customerId\":\"c\",\"items\":[]}'                    | items",
        "quantity zero           | '{\"orderId\":\"o-x\",\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":0,\"unitPriceCents\":1}]}' | items[0].quantity",
        "no price                | '{\"orderId\":\"o-x\",\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":1}]}' | items[0].unitPriceCents"
    })
    void answersBadRequestsWith400NamingTheField(String name, String body, String field) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.post(body), FakeContext.create());

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.getBody());
        assertThat(error.get("error").asText()).isEqualTo("BadRequest");
        assertThat(error.get("message").asText()).isNotBlank();
        if (field == null) {
            assertThat(error.has("field")).isFalse();
        } else {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
    }
}
