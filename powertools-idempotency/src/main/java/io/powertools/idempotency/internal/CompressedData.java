package io.powertools.idempotency.internal;

import io.powertools.idempotency.IdempotencyPersistenceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a store keeps large responses: gzip, then Base64, behind the marker {@code ~gzip:} in the
 * same string attribute. JSON never starts with {@code ~}, so records written uncompressed (by an
 * older version, or below the threshold) read back unchanged, and every read path (a refused
 * claim's item, a consistent read) decodes the same way.
 */
public final class CompressedData {

    /** Prefix of compressed data. */
    public static final String PREFIX = "~gzip:";
    /** Decompressed data larger than this is refused as corrupt (a stored response is at most 400 KB compressed). */
    static final int MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

    private final int thresholdBytes;

    /**
     * Creates the codec.
     *
     * @param thresholdBytes data of more UTF-8 bytes than this is compressed
     */
    public CompressedData(int thresholdBytes) {
        this.thresholdBytes = thresholdBytes;
    }

    /**
     * The text to store for some data.
     *
     * @param data the data; may be null
     * @return the data itself when small (or null), else its compressed form with the marker
     */
    public String encode(String data) {
        if (data == null || Utf8.length(data) <= thresholdBytes) {
            return data;
        }
        byte[] raw = data.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory, cannot happen
        }
        return PREFIX + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * The data a stored text holds.
     *
     * @param key the idempotency key, for the error message
     * @param stored the stored text; may be null
     * @return the data (decompressed when it carries the marker)
     * @throws IdempotencyPersistenceException when compressed data is corrupt
     */
    public static String decode(String key, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try (InputStream in = new GZIPInputStream(Base64.getDecoder().wrap(
                new java.io.ByteArrayInputStream(stored.getBytes(StandardCharsets.ISO_8859_1), PREFIX.length(),
                        stored.length() - PREFIX.length())))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length() * 4);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_DECOMPRESSED_BYTES) {
                    throw new IOException("more than " + MAX_DECOMPRESSED_BYTES + " bytes when decompressed");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw new IdempotencyPersistenceException("Corrupt idempotency record '" + key + "': its compressed data "
                    + "cannot be read (" + e.getMessage() + "); delete the item", e);
        }
    }
}
