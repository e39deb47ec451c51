package com.example.managed;

/**
 * One line of an order.
 *
 * @param sku the product code
 * @param quantity how many, 1 to 100
 * @param unitPriceCents the price of one unit in cents, 1 to 10,000,000
 */
public record OrderLine(String sku, Integer quantity, Long unitPriceCents) {
}
