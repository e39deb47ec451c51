package com.example.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Shipping rates per destination, read once at init from {@code rates.json}. Immutable, the same
 * in every environment: safe to keep in the SnapStart snapshot (unlike ids, clients or timestamps).
 */
public final class RateTable {

    private final Map<String, Rate> rates;

    private RateTable(Map<String, Rate> rates) {
        this.rates = Map.copyOf(rates);
    }

    /**
     * A destination's rate.
     *
     * @param baseCents the price of a parcel
     * @param perKgCents the price of each started kilogram
     */
    public record Rate(long baseCents, long perKgCents) {
    }

    /**
     * Loads the table from the class path.
     *
     * @return the table
     */
    public static RateTable load() {
        try (InputStream in = RateTable.class.getResourceAsStream("/rates.json")) {
            if (in == null) {
                throw new IllegalStateException("rates.json is missing from the class path");
            }
            JsonNode tree = Json.reader().readTree(in);
            Map<String, Rate> rates = new HashMap<>();
            tree.fields().forEachRemaining(entry -> rates.put(entry.getKey(),
                    new Rate(entry.getValue().get("baseCents").asLong(), entry.getValue().get("perKgCents").asLong())));
            return new RateTable(rates);
        } catch (IOException e) {
            throw new UncheckedIOException("rates.json cannot be read", e);
        }
    }

    /**
     * The rate of a destination.
     *
     * @param destination the country code
     * @return the rate, or empty when the destination is not served
     */
    public Optional<Rate> rate(String destination) {
        return Optional.ofNullable(rates.get(destination));
    }

    /** The destinations served. */
    public java.util.Set<String> destinations() {
        return rates.keySet();
    }
}
