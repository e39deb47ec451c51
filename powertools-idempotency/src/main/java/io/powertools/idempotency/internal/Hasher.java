package io.powertools.idempotency.internal;

import io.powertools.idempotency.HashAlgorithm;
import io.powertools.idempotency.IdempotencyConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes text with the configured digest, as lowercase hex. Each call clones a prototype digest
 * built at init: cloning is cheap and avoids the provider lookup of getInstance, and digests are
 * not thread-safe, so nothing is shared between calls.
 */
public final class Hasher {

    private static final HexFormat HEX = HexFormat.of();
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
     * Hashes text.
     *
     * @param text the text (UTF-8 encoded before hashing)
     * @return the lowercase hex digest
     */
    public String hash(String text) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e); // checked in the constructor
        }
        return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
