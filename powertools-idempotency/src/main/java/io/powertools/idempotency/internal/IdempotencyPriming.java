package io.powertools.idempotency.internal;

import io.powertools.core.priming.PrimingContributor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Primes powertools-idempotency when it is on the class path: its class list (engine, key hashing,
 * the DynamoDB Enhanced Client schema and marshallers), and the JCA digests the key hash uses,
 * whose provider lookup is slow the first time. No record is written.
 */
public final class IdempotencyPriming implements PrimingContributor {

    /** Creates the contributor (ServiceLoader). */
    public IdempotencyPriming() {
    }

    @Override
    public String name() {
        return "powertools-idempotency";
    }

    @Override
    public List<String> classLists() {
        return List.of(CLASS_LIST_DIRECTORY + "powertools-idempotency.classes");
    }

    @Override
    public void prime() throws NoSuchAlgorithmException {
        byte[] sample = "{\"orderId\":\"priming\"}".getBytes(StandardCharsets.UTF_8);
        MessageDigest.getInstance("SHA-256").digest(sample);
        MessageDigest.getInstance("MD5").digest(sample);
    }
}
