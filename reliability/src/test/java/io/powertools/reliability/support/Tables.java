package io.powertools.reliability.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the fault tests' tables directly, as an independent witness of the library's records. */
public final class Tables {

    private Tables() {
    }

    /**
     * The documented record key of a scalar idempotency key: {@code <function>.<name>#<sha256 of the value>}.
     */
    public static String recordKey(String function, String name, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return function + "." + name + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every item of a table by its {@code id}, read consistently. */
    public static Map<String, Map<String, AttributeValue>> items(DynamoDbClient client, String table) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        List<Map<String, AttributeValue>> scanned = client.scanPaginator(b -> b.tableName(table).consistentRead(true))
                .items().stream().toList();
        scanned.forEach(item -> items.put(item.get("id").s(), item));
        return items;
    }
}
