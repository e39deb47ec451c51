package io.powertools.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.powertools.idempotency.HashAlgorithm;
import io.powertools.idempotency.IdempotencyConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes key data with the configured digest, as lowercase hex, type-exactly.
 *
 * <p>A string is hashed as its plain UTF-8 text, as Powertools for AWS Lambda (Java) does, so the
 * common string keys ({@code orderId}) match records written by it. Every other value (numbers,
 * booleans, objects, arrays, and strings with unpaired surrogates) is hashed as the byte
 * {@code 0xFF} followed by the UTF-8 of its {@link CanonicalJson canonical JSON}. {@code 0xFF} never
 * occurs in UTF-8, so the two kinds of input never coincide: the string {@code "123"} and the
 * number {@code 123}, or a string spelling an object and that object, get different keys.
 *
 * <p>Each call clones a prototype digest built at init: cloning is cheap and avoids the provider
 * lookup of getInstance, and digests are not thread-safe, so nothing is shared between calls.
 */
public final class Hasher {

    private static final HexFormat HEX = HexFormat.of();
    /** Separates canonical JSON from plain strings: never a byte of UTF-8. */
    private static final byte TYPED = (byte) 0xFF;
    private final MessageDigest prototype;

    /**
     * Creates the hasher.
     *
     * @param algorithm the digest
     * @throws IdempotencyConfigurationException when the JVM lacks the digest or cannot clone it
     */
    public Hasher(HashAlgorithm algorithm) {
        try {
            this.prototype = MessageDigest.getInstance(algorithm.jcaName());
            prototype.clone();
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IdempotencyConfigurationException("Hash algorithm " + algorithm.jcaName()
                    + " is not usable in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Hashes a JSON value type-exactly.
     *
     * @param node the value; null counts as JSON null
     * @return the lowercase hex digest
     */
    public String hash(JsonNode node) {
        MessageDigest digest = newDigest();
        if (node == null) {
            node = NullNode.getInstance();
        }
        if (node.isTextual() && CanonicalJson.isWellFormed(node.textValue())) {
            return HEX.formatHex(digest.digest(node.textValue().getBytes(StandardCharsets.UTF_8)));
        }
        digest.update(TYPED);
        return HEX.formatHex(digest.digest(CanonicalJson.of(node).getBytes(StandardCharsets.UTF_8)));
    }

    private MessageDigest newDigest() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e); // checked in the constructor
        }
    }
}
