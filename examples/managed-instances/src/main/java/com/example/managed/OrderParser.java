package com.example.managed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.powertools.core.json.Json;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates the body of {@code POST /orders}. Every rule failure is a
 * {@link BadRequestException} naming the field, so the client can fix the request. Stateless and
 * thread-safe.
 */
public final class OrderParser {

    private static final ObjectReader READER = Json.reader().forType(OrderRequest.class);
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_LINES = 50;
    private static final int MAX_QUANTITY = 100;
    private static final long MAX_UNIT_PRICE_CENTS = 10_000_000L;

    private OrderParser() {
    }

    /**
     * Parses and validates an order.
     *
     * @param body the HTTP body
     * @return the order
     * @throws BadRequestException when the body is missing, not JSON, or breaks a rule
     */
    public static OrderRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException(null, "The request has no body: send a JSON order such as "
                    + "{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,"
                    + "\"unitPriceCents\":1299}]}");
        }
        OrderRequest order;
        try {
            order = READER.readValue(body);
        } catch (JsonMappingException e) {
            throw new BadRequestException(path(e), "Field '" + path(e) + "' has the wrong type: "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new BadRequestException(null, "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (order == null) {
            throw new BadRequestException(null, "The body is JSON null: send a JSON object");
        }
        validate(order);
        return order;
    }

    private static void validate(OrderRequest order) {
        if (order.orderId() == null || !ORDER_ID.matcher(order.orderId()).matches()) {
            throw new BadRequestException("orderId", "orderId is required: 1 to 64 letters, digits, '-' or '_'");
        }
        if (order.customerId() == null || order.customerId().isBlank()) {
            throw new BadRequestException("customerId", "customerId is required");
        }
        List<OrderLine> items = order.items();
        if (items == null || items.isEmpty() || items.size() > MAX_LINES) {
            throw new BadRequestException("items", "items must hold 1 to " + MAX_LINES + " lines");
        }
        for (int i = 0; i < items.size(); i++) {
            validate(items.get(i), "items[" + i + "]");
        }
    }

    private static void validate(OrderLine line, String path) {
        if (line == null) {
            throw new BadRequestException(path, path + " is null: each line needs sku, quantity and unitPriceCents");
        }
        if (line.sku() == null || line.sku().isBlank()) {
            throw new BadRequestException(path + ".sku", path + ".sku is required");
        }
        if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
            throw new BadRequestException(path + ".quantity", path + ".quantity must be 1 to " + MAX_QUANTITY
                    + " but was " + line.quantity());
        }
        if (line.unitPriceCents() == null || line.unitPriceCents() < 1 || line.unitPriceCents() > MAX_UNIT_PRICE_CENTS) {
            throw new BadRequestException(path + ".unitPriceCents", path + ".unitPriceCents must be 1 to "
                    + MAX_UNIT_PRICE_CENTS + " but was " + line.unitPriceCents());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
