package io.powertools.snapstart.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Primes powertools-idempotency when it is on the class path: its class list (engine, key hashing,
 * the DynamoDB Enhanced Client schema and marshallers), and the JCA digests the key hash uses,
 * whose provider lookup is slow the first time. No record is written.
 */
public final class IdempotencyPriming extends ModulePriming {

    /** Creates the contributor (ServiceLoader). */
    public IdempotencyPriming() {
        super("powertools-idempotency", "io.powertools.idempotency.Idempotency");
    }

    @Override
    public void prime() throws NoSuchAlgorithmException {
        byte[] sample = "{\"orderId\":\"priming\"}".getBytes(StandardCharsets.UTF_8);
        MessageDigest.getInstance("SHA-256").digest(sample);
        MessageDigest.getInstance("MD5").digest(sample);
    }
}
