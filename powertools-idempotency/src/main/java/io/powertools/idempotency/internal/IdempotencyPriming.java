package io.powertools.idempotency.internal;

import io.powertools.core.priming.PrimingContributor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Primes powertools-idempotency when it is on the class path: its class list (engine, key hashing,
 * the DynamoDB Enhanced Client schema and marshallers), the JCA digests the key hash uses, whose
 * provider lookup is slow the first time, and the DynamoDB store's request paths against an
 * in-memory HTTP client ({@link DynamoDbStorePriming}). No record is written, nothing is sent.
 */
public final class IdempotencyPriming implements PrimingContributor {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPriming.class);

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
        try {
            DynamoDbStorePriming.run();
        } catch (RuntimeException | LinkageError e) {
            // Best effort, like a class list entry that does not load: the paths then warm up on first use.
            LOG.warn("SnapStart: priming the DynamoDB store's requests failed, they load on first use: {}", e.toString());
        }
    }
}
