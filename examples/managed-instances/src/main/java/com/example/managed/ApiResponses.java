package com.example.managed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.powertools.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the API Gateway responses: JSON bodies, and errors in one shape. */
public final class ApiResponses {

    /** Header set on a response answered from the idempotency store. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private ApiResponses() {
    }

    /**
     * 201 with the receipt; a replayed receipt carries {@value #REPLAYED_HEADER}: true.
     *
     * @param receipt the receipt
     * @return the response
     */
    public static APIGatewayProxyResponseEvent created(OrderReceipt receipt) {
        Map<String, String> headers = jsonHeaders();
        if (receipt.replayed()) {
            headers.put(REPLAYED_HEADER, "true");
        }
        return new APIGatewayProxyResponseEvent().withStatusCode(201).withHeaders(headers)
                .withBody(Json.write(receipt));
    }

    /**
     * An error: {@code {"error": code, "message": ..., "field": ...}}.
     *
     * @param status the HTTP status
     * @param code a stable machine-readable code
     * @param message what went wrong and what to do
     * @param field the offending field, or {@code null}
     * @return the response
     */
    public static APIGatewayProxyResponseEvent error(int status, String code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(jsonHeaders())
                .withBody(Json.write(body));
    }

    private static Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
