package io.powertools.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.Invocation;
import io.powertools.core.json.JsonPath;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.IdempotencyKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds idempotency keys {@code <function>.<name>#<hash>} (or {@code <prefix>.<name>#<hash>}),
 * scoped to the tenant when the invocation has one: {@code <function>.<name>#tenant:<tenant>#<hash>},
 * with {@code %} and {@code #} in the tenant id percent-encoded so the parts never run together.
 * Also computes the payload validation hash.
 */
public final class KeyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFactory.class);
    private static final String TENANT_MARK = "#tenant:";

    private final JsonPath keyPath;
    private final JsonPath validationPath;
    private final Hasher hasher;
    private final boolean throwOnNoKey;
    private final String fixedPrefix;
    private final ExecutionEnvironment environment;

    /**
     * Creates the factory from a configuration.
     *
     * @param config the configuration
     */
    public KeyFactory(IdempotencyConfig config) {
        this.keyPath = config.eventKeyJmesPath().orElse(null);
        this.validationPath = config.payloadValidationJmesPath().orElse(null);
        this.hasher = new Hasher(config.hashAlgorithm());
        this.throwOnNoKey = config.throwOnNoIdempotencyKey();
        this.fixedPrefix = config.keyPrefix().or(config::functionName).orElse(null);
        this.environment = config.executionEnvironment();
    }

    /**
     * The key for a payload.
     *
     * @param name the method or given name
     * @param payload the payload as a tree
     * @param invocation the current invocation, or null outside a handler
     * @return the key, or null when the payload holds no key data and raising is off
     * @throws IdempotencyKeyException when the payload holds no key data and raising is on, or
     *     when the environment is tenant-aware and the call's tenant is unknown
     */
    public String key(String name, JsonNode payload, Invocation invocation) {
        JsonNode data = keyPath == null ? payload : keyPath.search(payload);
        if (isMissing(data)) {
            String message = "No idempotency key found for '" + name + "'"
                    + (keyPath == null ? " (the payload is null or empty)" : " with JMESPath '" + keyPath.expression() + "'");
            if (throwOnNoKey) {
                throw new IdempotencyKeyException(message);
            }
            LOG.warn("{}; running without idempotency", message);
            return null;
        }
        String hash = hasher.hash(data);
        String tenant = invocation == null ? null : invocation.tenantId().orElse(null);
        if (tenant == null && isTenantAware(invocation)) {
            throw noTenant(name, invocation);
        }
        String prefix = prefix(invocation);
        StringBuilder key = new StringBuilder(prefix.length() + name.length() + hash.length()
                + (tenant == null ? 2 : tenant.length() + 12));
        key.append(prefix).append('.').append(name);
        if (tenant != null) {
            key.append(TENANT_MARK);
            appendEncoded(key, tenant);
        }
        return key.append('#').append(hash).toString();
    }

    /**
     * The validation hash of a payload.
     *
     * @param payload the payload as a tree
     * @return the hash, or null when validation is off
     */
    public String validationHash(JsonNode payload) {
        return validationPath == null ? null : hasher.hash(validationPath.search(payload));
    }

    /**
     * Whether validation is configured.
     *
     * @return true when a validation expression is set
     */
    public boolean validates() {
        return validationPath != null;
    }

    /**
     * The validation expression's text, for messages.
     *
     * @return the expression, or null
     */
    public String validationExpression() {
        return validationPath == null ? null : validationPath.expression();
    }

    /** Fail closed: where tenants exist, a key without one would share records across tenants. */
    private boolean isTenantAware(Invocation invocation) {
        return environment.isTenantAware() || invocation != null && invocation.executionEnvironment().isTenantAware();
    }

    private static IdempotencyKeyException noTenant(String name, Invocation invocation) {
        String where = invocation == null
                ? "runs on thread '" + Thread.currentThread().getName() + "', which has no Invocation"
                : "runs in invocation " + invocation.requestId() + ", whose Context has no tenant id";
        return new IdempotencyKeyException("Refusing idempotent call '" + name + "': this execution environment "
                + "serves a tenant-isolated function (an invocation carried a tenant id), but this call " + where
                + ", so its tenant is unknown. A key without a tenant would share records and stored responses "
                + "across tenants; the code did not run. Hand the work to this thread with Invocation.wrap(..) "
                + "or run it on an executor from Invocation.propagating(executor).");
    }

    private String prefix(Invocation invocation) {
        if (fixedPrefix != null) {
            return fixedPrefix;
        }
        String fromContext = invocation == null ? null : invocation.context().getFunctionName();
        return fromContext == null || fromContext.isBlank() ? "function" : fromContext;
    }

    private static void appendEncoded(StringBuilder out, String tenant) {
        for (int i = 0; i < tenant.length(); i++) {
            char c = tenant.charAt(i);
            if (c == '%') {
                out.append("%25");
            } else if (c == '#') {
                out.append("%23");
            } else {
                out.append(c);
            }
        }
    }

    private static boolean isMissing(JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            return true;
        }
        if (data.isContainerNode()) {
            // A multiselect whose parts are all absent ([null, null]) or an empty object has no key.
            for (JsonNode child : data) {
                if (!child.isNull()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
