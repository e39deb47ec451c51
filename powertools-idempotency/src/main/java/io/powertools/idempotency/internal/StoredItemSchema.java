package io.powertools.idempotency.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** Builds the static Enhanced Client schema of {@link StoredItem} for the configured attribute names. */
public final class StoredItemSchema {

    private StoredItemSchema() {
    }

    /**
     * Builds the schema; done once per store at init.
     *
     * @param names the attribute names
     * @return the schema
     */
    public static StaticImmutableTableSchema<StoredItem, StoredItem.Builder> create(AttributeNames names) {
        StaticImmutableTableSchema.Builder<StoredItem, StoredItem.Builder> schema = StaticImmutableTableSchema
                .builder(StoredItem.class, StoredItem.Builder.class)
                .newItemBuilder(StoredItem::builder, StoredItem.Builder::build)
                .addAttribute(String.class, a -> a.name(names.key())
                        .getter(StoredItem::partitionKey).setter(StoredItem.Builder::partitionKey)
                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(Long.class, a -> a.name(names.expiration())
                        .getter(StoredItem::expiration).setter(StoredItem.Builder::expiration))
                .addAttribute(Long.class, a -> a.name(names.inProgressExpiration())
                        .getter(StoredItem::inProgressExpiration).setter(StoredItem.Builder::inProgressExpiration))
                .addAttribute(String.class, a -> a.name(names.status())
                        .getter(StoredItem::status).setter(StoredItem.Builder::status))
                .addAttribute(String.class, a -> a.name(names.data())
                        .getter(StoredItem::data).setter(StoredItem.Builder::data))
                .addAttribute(String.class, a -> a.name(names.validation())
                        .getter(StoredItem::validation).setter(StoredItem.Builder::validation));
        if (names.sortKey() != null) {
            schema.addAttribute(String.class, a -> a.name(names.sortKey())
                    .getter(StoredItem::sortKey).setter(StoredItem.Builder::sortKey)
                    .tags(StaticAttributeTags.primarySortKey()));
        }
        return schema.build();
    }
}
