package com.example.quotes;

/**
 * A shipping quote.
 *
 * @param quoteId unique per quote (made per request, never at init: a snapshot would share it)
 * @param destination the country
 * @param totalGrams the parcel weight
 * @param priceCents the price in cents
 * @param validUntil until when the price holds (ISO-8601; computed per request)
 */
public record Quote(String quoteId, String destination, long totalGrams, long priceCents, String validUntil) {
}
