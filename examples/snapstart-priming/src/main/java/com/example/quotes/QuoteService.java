package com.example.quotes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.powertools.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** Reads, validates and prices quote requests. Stateless apart from the immutable rate table. */
public final class QuoteService {

    private static final ObjectReader READER = Json.reader().forType(QuoteRequest.class);
    private static final Duration VALIDITY = Duration.ofMinutes(15);

    private final RateTable rates;

    /**
     * Creates the service.
     *
     * @param rates the rate table
     */
    public QuoteService(RateTable rates) {
        this.rates = rates;
    }

    /**
     * Prices a request body.
     *
     * @param body the HTTP body
     * @return the quote
     * @throws BadRequestException when the body is not a valid quote request
     */
    public Quote quote(String body) {
        QuoteRequest request = parse(body);
        RateTable.Rate rate = rates.rate(request.destination()).orElseThrow(() -> new BadRequestException(
                "destination", "We do not ship to '" + request.destination() + "'; destinations: "
                        + new TreeSet<>(rates.destinations())));
        long grams = request.totalGrams();
        long startedKg = (grams + 999) / 1000;
        // Ids and timestamps are made per request: values made at init would be frozen into the snapshot.
        return new Quote(UUID.randomUUID().toString(), request.destination(), grams,
                rate.baseCents() + startedKg * rate.perKgCents(), Instant.now().plus(VALIDITY).toString());
    }

    private static QuoteRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException(null, "The request has no body: send {\"destination\":\"DE\",\"items\":"
                    + "[{\"sku\":\"BOOK-1\",\"quantity\":1,\"weightGrams\":800}]}");
        }
        QuoteRequest request;
        try {
            request = READER.readValue(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(null, "The body is not a valid quote request: " + e.getOriginalMessage());
        }
        if (request == null || request.destination() == null || request.destination().isBlank()) {
            throw new BadRequestException("destination", "destination is required (an ISO country code)");
        }
        List<QuoteItem> items = request.items();
        if (items == null || items.isEmpty() || items.size() > 50) {
            throw new BadRequestException("items", "items must hold 1 to 50 lines");
        }
        for (int i = 0; i < items.size(); i++) {
            QuoteItem item = items.get(i);
            if (item == null || item.quantity() == null || item.quantity() < 1 || item.quantity() > 100) {
                throw new BadRequestException("items[" + i + "].quantity", "items[" + i + "].quantity must be 1 to 100");
            }
            if (item.weightGrams() == null || item.weightGrams() < 1 || item.weightGrams() > 50_000) {
                throw new BadRequestException("items[" + i + "].weightGrams",
                        "items[" + i + "].weightGrams must be 1 to 50000");
            }
        }
        return request;
    }
}
