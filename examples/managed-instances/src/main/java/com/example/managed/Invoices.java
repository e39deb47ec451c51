package com.example.managed;

import io.powertools.core.InvocationTempDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Renders an order's invoice to a file in {@code /tmp} and fingerprints it, as a stand-in for
 * any work that needs scratch files (PDFs, CSV exports, unzipped uploads).
 *
 * <p>On Lambda Managed Instances, concurrent requests share one {@code /tmp}: a fixed name such
 * as {@code /tmp/invoice.txt} would be overwritten by another request between the write and the
 * read. {@link InvocationTempDirectory#current()} is a directory private to the request, deleted
 * when it ends, so nothing is clobbered and nothing piles up.
 */
public final class Invoices {

    private Invoices() {
    }

    /**
     * The invoice text of an order.
     *
     * @param order the order
     * @return the text
     */
    public static String render(OrderRequest order) {
        StringBuilder text = new StringBuilder("INVOICE ").append(order.orderId())
                .append("\ncustomer ").append(order.customerId()).append('\n');
        for (OrderLine line : order.items()) {
            text.append(line.sku()).append(" x").append(line.quantity()).append(" @ ")
                    .append(line.unitPriceCents()).append('\n');
        }
        return text.append("total ").append(order.totalCents()).append('\n').toString();
    }

    /**
     * Writes the invoice into this request's temp directory, reads it back and fingerprints it.
     *
     * @param order the order
     * @return the file's SHA-256 (hex) and size
     */
    public static Fingerprint writeAndFingerprint(OrderRequest order) {
        Path file = InvocationTempDirectory.current().resolve("invoice.txt");
        try {
            Files.writeString(file, render(order), StandardCharsets.UTF_8);
            byte[] written = Files.readAllBytes(file);
            return new Fingerprint(sha256(written), written.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the invoice of " + order.orderId() + " to " + file, e);
        }
    }

    /**
     * The SHA-256 of some bytes, as hex.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /**
     * A file's fingerprint.
     *
     * @param sha256 its SHA-256, hex
     * @param bytes its size
     */
    public record Fingerprint(String sha256, long bytes) {
    }
}
