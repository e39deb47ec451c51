package com.example.quotes;

/**
 * One parcel line of a quote request.
 *
 * @param sku the product
 * @param quantity how many, 1 to 100
 * @param weightGrams the weight of one unit, 1 to 50,000 g
 */
public record QuoteItem(String sku, Integer quantity, Integer weightGrams) {
}
