package io.powertools.idempotency.persistence;

import io.powertools.idempotency.IdempotencyConfigurationException;
import io.powertools.idempotency.IdempotencyItemTooLargeException;
import io.powertools.idempotency.IdempotencyPersistenceException;
import io.powertools.idempotency.internal.AttributeNames;
import io.powertools.idempotency.internal.CompletionUpdate;
import io.powertools.idempotency.internal.CompressedData;
import io.powertools.idempotency.internal.StoredItem;
import io.powertools.idempotency.internal.StoredItemSchema;
import io.powertools.idempotency.internal.Utf8;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Stores idempotency records in a DynamoDB table through the Enhanced Client, with a static
 * (reflection-free) schema built once; the completing update is prepared once and sent with the
 * low-level client ({@code CompletionUpdate}). Requests per call: a first execution costs one
 * conditional {@code PutItem} and one {@code UpdateItem}; on DynamoDB a duplicate costs one
 * {@code PutItem} whose condition failure returns the stored item ({@code
 * ReturnValuesOnConditionCheckFailure ALL_OLD}). Servers that answer the failed condition without
 * the item (dynalite, other DynamoDB-compatible servers) cost one strongly consistent
 * {@code GetItem} more.
 *
 * <p>Default attribute names match tables created for Powertools for AWS Lambda: partition key
 * {@code id} (string), {@code expiration} (number, epoch seconds: enable TTL on it),
 * {@code in_progress_expiration} (number, epoch millis), {@code status}, {@code data},
 * {@code validation}. With {@link Builder#sortKeyAttr(String)} the partition key holds a fixed
 * value ({@link Builder#staticPartitionKeyValue(String)}) and the sort key the idempotency key.
 *
 * <pre>{@code
 * static final PersistenceStore STORE = DynamoDbPersistenceStore.builder()
 *         .tableName(System.getenv("IDEMPOTENCY_TABLE"))
 *         .build();
 * }</pre>
 */
public final class DynamoDbPersistenceStore implements PersistenceStore {

    /** DynamoDB's item size limit. */
    static final int MAX_ITEM_BYTES = 400 * 1024;
    /** Responses larger than this are compressed by default. */
    static final int DEFAULT_COMPRESS_ABOVE_BYTES = 8 * 1024;
    /** Immutable, so one instance serves every request's condition values. */
    private static final AttributeValue IN_PROGRESS = AttributeValue.fromS(IdempotencyStatus.INPROGRESS.name());

    private final String tableName;
    private final AttributeNames names;
    private final String staticPartitionKeyValue;
    private final DynamoDbClient client;
    private final DynamoDbTable<StoredItem> table;
    private final CompletionUpdate completion;
    private final StaticImmutableTableSchema<StoredItem, StoredItem.Builder> schema;
    private final Map<String, String> claimNames;
    private final Map<String, String> ownerNames;
    private final String claimCondition;
    private final String ownerCondition;
    private final int fixedItemBytes;
    private final CompressedData compression;

    private DynamoDbPersistenceStore(Builder b) {
        if (b.tableName == null || b.tableName.isBlank()) {
            throw new IdempotencyConfigurationException("DynamoDbPersistenceStore needs a table name: call "
                    + "DynamoDbPersistenceStore.builder().tableName(..) (e.g. from an environment variable)");
        }
        this.tableName = b.tableName;
        try {
            this.names = new AttributeNames(b.keyAttr, b.sortKeyAttr, b.expiryAttr, b.inProgressExpiryAttr,
                    b.statusAttr, b.dataAttr, b.validationAttr);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IdempotencyConfigurationException("Invalid DynamoDbPersistenceStore attribute names: "
                    + e.getMessage(), e);
        }
        this.staticPartitionKeyValue = b.staticPartitionKeyValue;
        if (b.compressAboveBytes < 0) {
            throw new IdempotencyConfigurationException("compressAbove must be 0 (compress every response) or "
                    + "positive, got " + b.compressAboveBytes);
        }
        this.compression = new CompressedData(b.compressAboveBytes);
        this.client = b.client != null ? b.client
                : DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        this.schema = StoredItemSchema.create(names);
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build().table(tableName, schema);
        this.completion = new CompletionUpdate(tableName, names, staticPartitionKeyValue);
        String keyAttr = names.sortKey() != null ? names.sortKey() : names.key();
        this.claimNames = Map.of("#id", keyAttr, "#exp", names.expiration(), "#st", names.status(),
                "#ipe", names.inProgressExpiration());
        this.ownerNames = Map.of("#st", names.status(), "#ipe", names.inProgressExpiration());
        // The key is free when absent, completed and expired (TTL deletion is lazy), or in progress
        // past its in-progress expiry. The expiration never frees an in-progress record: its body
        // may still run. Only an in-progress item without that attribute (written by another
        // library) falls back to its expiration.
        this.claimCondition = "attribute_not_exists(#id)"
                + " OR (#st = :inprogress AND #ipe < :now_ms)"
                + " OR (#st <> :inprogress AND #exp < :now_s)"
                + " OR (#st = :inprogress AND attribute_not_exists(#ipe) AND #exp < :now_s)";
        // Deletion, like completion, acts only on the record this caller claimed.
        this.ownerCondition = CompletionUpdate.OWNER_CONDITION;
        this.fixedItemBytes = utf8(names.key()) + utf8(names.expiration()) + utf8(names.inProgressExpiration())
                + utf8(names.status()) + utf8(names.data()) + utf8(names.validation())
                + (names.sortKey() == null ? 0 : utf8(names.sortKey()) + utf8(staticPartitionKeyValue))
                + 3 * 21 + "COMPLETED".length();
    }

    /**
     * A builder; only the table name is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ClaimResult claim(IdempotencyRecord record, long nowEpochMillis) {
        Expression condition = Expression.builder()
                .expression(claimCondition)
                .expressionNames(claimNames)
                .expressionValues(Map.of(
                        ":now_s", number(nowEpochMillis / 1000),
                        ":now_ms", number(nowEpochMillis),
                        ":inprogress", IN_PROGRESS))
                .build();
        try {
            table.putItem(PutItemEnhancedRequest.builder(StoredItem.class)
                    .item(toItem(record))
                    .conditionExpression(condition)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return ClaimResult.claimed();
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return ClaimResult.conflict(toRecord(schema.mapToItem(e.item()), record.key()));
            }
            // A server that does not return the old item (dynalite, other DynamoDB-compatible
            // servers): read it. Empty when it vanished in between; the caller claims again.
            return ClaimResult.conflict(get(record.key()).orElse(null));
        } catch (SdkException e) {
            throw failure("claim", record.key(), e);
        }
    }

    @Override
    public boolean complete(IdempotencyRecord completed) {
        String data = compression.encode(completed.data());
        int size = fixedItemBytes + utf8(completed.key()) + utf8(data) + utf8(completed.validationHash());
        if (size > MAX_ITEM_BYTES) {
            throw tooLarge(completed, data, size, null);
        }
        try {
            client.updateItem(completion.request(completed, data));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (DynamoDbException e) {
            if (isSizeError(e)) {
                throw tooLarge(completed, data, size, e);
            }
            throw failure("complete", completed.key(), e);
        } catch (SdkException e) {
            throw failure("complete", completed.key(), e);
        }
    }

    @Override
    public void delete(IdempotencyRecord inProgress) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(key(inProgress.key()))
                    .conditionExpression(ownerCondition(inProgress))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // Already taken over or gone: nothing of ours to delete.
        } catch (SdkException e) {
            throw failure("delete", inProgress.key(), e);
        }
    }

    @Override
    public Optional<IdempotencyRecord> get(String idempotencyKey) {
        try {
            StoredItem item = table.getItem(GetItemEnhancedRequest.builder()
                    .key(key(idempotencyKey)).consistentRead(true).build());
            return item == null ? Optional.empty() : Optional.of(toRecord(item, idempotencyKey));
        } catch (SdkException e) {
            throw failure("read", idempotencyKey, e);
        }
    }

    /**
     * The table this store writes to.
     *
     * @return the table name
     */
    public String tableName() {
        return tableName;
    }

    private Expression ownerCondition(IdempotencyRecord mine) {
        return Expression.builder()
                .expression(ownerCondition)
                .expressionNames(ownerNames)
                .expressionValues(Map.of(
                        ":inprogress", IN_PROGRESS,
                        ":mine", number(mine.inProgressExpirationEpochMillis())))
                .build();
    }

    private Key key(String idempotencyKey) {
        return names.sortKey() == null
                ? Key.builder().partitionValue(idempotencyKey).build()
                : Key.builder().partitionValue(staticPartitionKeyValue).sortValue(idempotencyKey).build();
    }

    private StoredItem toItem(IdempotencyRecord record) {
        StoredItem.Builder item = StoredItem.builder()
                .status(record.status().name())
                .expiration(record.expirationEpochSeconds())
                .inProgressExpiration(record.inProgressExpirationEpochMillis())
                .data(record.data())
                .validation(record.validationHash());
        if (names.sortKey() == null) {
            item.partitionKey(record.key());
        } else {
            item.partitionKey(staticPartitionKeyValue).sortKey(record.key());
        }
        return item.build();
    }

    private IdempotencyRecord toRecord(StoredItem item, String expectedKey) {
        String storedKey = names.sortKey() == null ? item.partitionKey() : item.sortKey();
        IdempotencyStatus status;
        try {
            status = IdempotencyStatus.valueOf(String.valueOf(item.status()));
        } catch (IllegalArgumentException e) {
            status = null;
        }
        if (status == null || status == IdempotencyStatus.EXPIRED || item.expiration() == null
                || !expectedKey.equals(storedKey)) {
            throw new IdempotencyPersistenceException("Corrupt idempotency record '" + expectedKey + "' in table "
                    + tableName + ": status=" + item.status() + ", " + names.expiration() + "=" + item.expiration()
                    + "; delete the item or fix its attributes", null);
        }
        long inProgressExpiry = item.inProgressExpiration() == null ? 0L : item.inProgressExpiration();
        return new IdempotencyRecord(expectedKey, status, item.expiration(), inProgressExpiry,
                CompressedData.decode(expectedKey, item.data()), item.validation());
    }

    private IdempotencyPersistenceException failure(String action, String key, SdkException e) {
        return new IdempotencyPersistenceException("Failed to " + action + " idempotency record '" + key
                + "' in table " + tableName + ": " + e.getMessage(), e);
    }

    private IdempotencyItemTooLargeException tooLarge(IdempotencyRecord completed, String data, int size,
            Throwable cause) {
        String compressed = data != null && data.startsWith(CompressedData.PREFIX)
                ? " with the response gzip-compressed (" + utf8(completed.data()) + " bytes uncompressed)" : "";
        return new IdempotencyItemTooLargeException("The response for idempotency key '" + completed.key()
                + "' makes an item of about " + size + " bytes" + compressed + ", over DynamoDB's item limit of 400 KB ("
                + MAX_ITEM_BYTES + " bytes); the record was not completed. Return a smaller response (e.g. a "
                + "reference to an S3 object).", cause);
    }

    private static boolean isSizeError(DynamoDbException e) {
        String message = e.getMessage();
        return message != null && message.contains("Item size");
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static int utf8(String s) {
        return Utf8.length(s);
    }

    @Override
    public String toString() {
        return "DynamoDbPersistenceStore[table=" + tableName + "]";
    }

    /** Builder of {@link DynamoDbPersistenceStore}; attribute names default to the Powertools ones. */
    public static final class Builder {
        private String tableName;
        private DynamoDbClient client;
        private String keyAttr = "id";
        private String sortKeyAttr;
        private String staticPartitionKeyValue = "idempotency";
        private String expiryAttr = "expiration";
        private String inProgressExpiryAttr = "in_progress_expiration";
        private String statusAttr = "status";
        private int compressAboveBytes = DEFAULT_COMPRESS_ABOVE_BYTES;
        private String dataAttr = "data";
        private String validationAttr = "validation";

        private Builder() {
        }

        /**
         * The table name (required).
         *
         * @param tableName the table
         * @return this builder
         */
        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /**
         * The client to use; by default one is built with the URL connection HTTP client and the
         * default region and credentials chain. Pass yours to share it or to add interceptors.
         *
         * @param client the client
         * @return this builder
         */
        public Builder dynamoDbClient(DynamoDbClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Responses of more UTF-8 bytes than this are stored gzip-compressed (Base64 text behind
         * the marker {@code ~gzip:} in the data attribute), which keeps large responses under
         * DynamoDB's 400 KB item limit and costs fewer write units (default 8 KB; 0 compresses
         * every response). Uncompressed records still read, so changing it needs no migration.
         *
         * @param bytes the threshold; 0 or positive
         * @return this builder
         */
        public Builder compressAbove(int bytes) {
            this.compressAboveBytes = bytes;
            return this;
        }

        /**
         * The partition key attribute (default {@code id}).
         *
         * @param name the attribute name
         * @return this builder
         */
        public Builder keyAttr(String name) {
            this.keyAttr = name;
            return this;
        }

        /**
         * Use a partition + sort key table: the sort key attribute holds the idempotency key and
         * the partition key a fixed value. Unset by default (partition key only).
         *
         * @param name the sort key attribute name
         * @return this builder
         */
        public Builder sortKeyAttr(String name) {
            this.sortKeyAttr = name;
            return this;
        }

        /**
         * The partition key value used with a sort key (default {@code idempotency}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder staticPartitionKeyValue(String value) {
            this.staticPartitionKeyValue = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The expiration attribute, epoch seconds; the table's TTL attribute (default {@code expiration}).
         *
         * @param name the attribute name
         * @return this builder
         */
        public Builder expiryAttr(String name) {
            this.expiryAttr = name;
            return this;
        }

        /**
         * The in-progress expiry attribute, epoch millis (default {@code in_progress_expiration}).
         *
         * @param name the attribute name
         * @return this builder
         */
        public Builder inProgressExpiryAttr(String name) {
            this.inProgressExpiryAttr = name;
            return this;
        }

        /**
         * The status attribute (default {@code status}).
         *
         * @param name the attribute name
         * @return this builder
         */
        public Builder statusAttr(String name) {
            this.statusAttr = name;
            return this;
        }

        /**
         * The response data attribute (default {@code data}).
         *
         * @param name the attribute name
         * @return this builder
         */
        public Builder dataAttr(String name) {
            this.dataAttr = name;
            return this;
        }

        /**
         * The payload validation hash attribute (default {@code validation}).
         *
         * @param name the attribute name
         * @return this builder
         */
        public Builder validationAttr(String name) {
            this.validationAttr = name;
            return this;
        }

        /**
         * Builds the store: validates the names, builds the schema and (when none was given) the client.
         *
         * @return the store
         * @throws IdempotencyConfigurationException when the table name is missing or the names are invalid
         */
        public DynamoDbPersistenceStore build() {
            return new DynamoDbPersistenceStore(this);
        }
    }
}
