package io.powertools.idempotency;

/**
 * The digest that turns the canonical key data into the hash part of an idempotency key (and the
 * validation hash).
 */
public enum HashAlgorithm {
    /** SHA-256, the default. */
    SHA_256("SHA-256"),
    /** MD5, the algorithm of tables written by Powertools for AWS Lambda (Java). */
    MD5("MD5");

    private final String jcaName;

    HashAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /**
     * The JCA name of the digest.
     *
     * @return e.g. {@code SHA-256}
     */
    public String jcaName() {
        return jcaName;
    }
}
