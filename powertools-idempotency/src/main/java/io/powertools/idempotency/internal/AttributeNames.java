package io.powertools.idempotency.internal;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The table's attribute names, validated once: none blank, all distinct.
 */
public final class AttributeNames {

    private final String key;
    private final String sortKey;
    private final String expiration;
    private final String inProgressExpiration;
    private final String status;
    private final String data;
    private final String validation;

    /**
     * Validates and holds the names.
     *
     * @throws IllegalArgumentException naming the blank or duplicated attribute
     */
    public AttributeNames(String key, String sortKey, String expiration, String inProgressExpiration,
            String status, String data, String validation) {
        this.key = require("keyAttr", key);
        this.sortKey = sortKey == null ? null : require("sortKeyAttr", sortKey);
        this.expiration = require("expiryAttr", expiration);
        this.inProgressExpiration = require("inProgressExpiryAttr", inProgressExpiration);
        this.status = require("statusAttr", status);
        this.data = require("dataAttr", data);
        this.validation = require("validationAttr", validation);
        Set<String> seen = new HashSet<>();
        for (String name : new String[] {key, sortKey, expiration, inProgressExpiration, status, data, validation}) {
            if (name != null && !seen.add(name)) {
                throw new IllegalArgumentException("Attribute name '" + name + "' is used twice; give each "
                        + "attribute of the idempotency table its own name");
            }
        }
    }

    private static String require(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank; give the attribute name");
        }
        return value;
    }

    public String key() {
        return key;
    }

    public String sortKey() {
        return sortKey;
    }

    public String expiration() {
        return expiration;
    }

    public String inProgressExpiration() {
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
}
