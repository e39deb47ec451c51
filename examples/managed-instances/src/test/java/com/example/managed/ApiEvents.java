package com.example.managed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.powertools.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API Gateway (REST, proxy integration) events for tests. */
final class ApiEvents {

    private ApiEvents() {
    }

    /** A valid order body. */
    static String orderBody(String orderId, int quantity) {
        return Json.write(Map.of("orderId", orderId, "customerId", "c-" + orderId,
                "items", List.of(Map.of("sku", "BOOK-1", "quantity", quantity, "unitPriceCents", 1299),
                        Map.of("sku", "PEN-7", "quantity", 1, "unitPriceCents", 250))));
    }

    /** The event as a Java object, for in-process tests. */
    static APIGatewayProxyRequestEvent post(String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/orders")
                .withResource("/orders")
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId(UUID.randomUUID().toString()))
                .withBody(body);
    }

    /** The event as the JSON API Gateway sends to Lambda, for the local runtime. */
    static String postJson(String body, String apiRequestId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", "/orders");
        event.put("path", "/orders");
        event.put("httpMethod", "POST");
        event.put("headers", Map.of("Content-Type", "application/json"));
        event.put("requestContext", Map.of("requestId", apiRequestId, "stage", "Prod", "httpMethod", "POST"));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return Json.write(event);
    }
}
