package com.example.quotes;

import java.util.List;

/**
 * The body of {@code POST /quotes}.
 *
 * @param destination ISO country code the parcel goes to
 * @param items the items, 1 to 50
 */
public record QuoteRequest(String destination, List<QuoteItem> items) {

    /** The total weight in grams. */
    public long totalGrams() {
        return items.stream().mapToLong(item -> (long) item.quantity() * item.weightGrams()).sum();
    }
}
