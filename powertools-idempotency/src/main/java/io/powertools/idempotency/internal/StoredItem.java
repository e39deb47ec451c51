package io.powertools.idempotency.internal;

/**
 * The DynamoDB item of a record, immutable, mapped by a static (reflection-free) Enhanced Client
 * schema. {@code partitionKey} holds the idempotency key, or a fixed value when the table uses a
 * sort key (then {@code sortKey} holds the idempotency key).
 */
public final class StoredItem {

    private final String partitionKey;
    private final String sortKey;
    private final Long expiration;
    private final Long inProgressExpiration;
    private final String status;
    private final String data;
    private final String validation;

    private StoredItem(Builder b) {
        this.partitionKey = b.partitionKey;
        this.sortKey = b.sortKey;
        this.expiration = b.expiration;
        this.inProgressExpiration = b.inProgressExpiration;
        this.status = b.status;
        this.data = b.data;
        this.validation = b.validation;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String partitionKey() {
        return partitionKey;
    }

    public String sortKey() {
        return sortKey;
    }

    public Long expiration() {
        return expiration;
    }

    public Long inProgressExpiration() {
        return inProgressExpiration;
    }

    public String status() {
        return status;
    }

    public String data() {
        return data;
    }

    public String validation() {
        return validation;
    }

    /** Mutable builder the schema fills while reading an item; never shared between threads. */
    public static final class Builder {
        private String partitionKey;
        private String sortKey;
        private Long expiration;
        private Long inProgressExpiration;
        private String status;
        private String data;
        private String validation;

        public Builder partitionKey(String v) {
            this.partitionKey = v;
            return this;
        }

        public Builder sortKey(String v) {
            this.sortKey = v;
            return this;
        }

        public Builder expiration(Long v) {
            this.expiration = v;
            return this;
        }

        public Builder inProgressExpiration(Long v) {
            this.inProgressExpiration = v;
            return this;
        }

        public Builder status(String v) {
            this.status = v;
            return this;
        }

        public Builder data(String v) {
            this.data = v;
            return this;
        }

        public Builder validation(String v) {
            this.validation = v;
            return this;
        }

        public StoredItem build() {
            return new StoredItem(this);
        }
    }
}
