package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.ConfigurationException;
import io.powertools.core.config.Environment;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.idempotency.persistence.InMemoryPersistenceStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Misconfiguration fails at init with a message naming the setting. */
class ConfigurationTest {

    private static IdempotencyConfig.Builder valid() {
        return IdempotencyConfig.builder().persistenceStore(new InMemoryPersistenceStore())
                .executionEnvironment(ExecutionEnvironment.create(Environment.of(Map.of())));
    }

    @Test
    void defaultsMatchTheDocumentation() {
        IdempotencyConfig config = valid().build();
        assertThat(config.expiration()).isEqualTo(Duration.ofHours(1));
        assertThat(config.hashAlgorithm()).isEqualTo(HashAlgorithm.SHA_256);
        assertThat(config.inProgressPolicy().waits()).isFalse();
        assertThat(config.localCacheMaxEntries()).isZero();
        assertThat(config.throwOnNoIdempotencyKey()).isFalse();
        assertThat(config.inProgressTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.completionFailureHook()).isEmpty();
        assertThat(config.isDisabled()).isFalse();
    }

    @Test
    void missingStoreFails() {
        assertThatThrownBy(() -> IdempotencyConfig.builder().build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("persistence store");
    }

    @Test
    void malformedJmesPathFailsAtBuildNamingTheSetting() {
        assertThatThrownBy(() -> valid().eventKeyJmesPath("orders[?").build())
                .isInstanceOf(IdempotencyConfigurationException.class)
                .hasMessageContaining("eventKeyJmesPath").hasMessageContaining("orders[?");
        assertThatThrownBy(() -> valid().payloadValidationJmesPath("a..b").build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("payloadValidationJmesPath");
    }

    @Test
    void invalidValuesFail() {
        assertThatThrownBy(() -> valid().expiration(Duration.ZERO).build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("expiration");
        assertThatThrownBy(() -> valid().keyPrefix("a#b").build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("keyPrefix");
        assertThatThrownBy(() -> valid().localCache(-1).build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("localCache");
        assertThatThrownBy(() -> InProgressPolicy.waitUpTo(Duration.ZERO))
                .isInstanceOf(IdempotencyConfigurationException.class);
        assertThatThrownBy(() -> Idempotency.of(valid().build()).<String, String>function("bad#name", String.class, s -> s))
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("bad#name");
    }

    @Test
    void anExpirationShorterThanTheInProgressWindowIsRefusedNamingBothValues() {
        // expiration 30 s with calls that may run 15 min: the record of a long call must outlive it.
        assertThatThrownBy(() -> valid().expiration(Duration.ofSeconds(30)).build())
                .isInstanceOf(IdempotencyConfigurationException.class)
                .hasMessageContaining("expiration PT30S").hasMessageContaining("inProgressTimeout PT15M");
        assertThatThrownBy(() -> valid().expiration(Duration.ofMinutes(5)).inProgressTimeout(Duration.ofMinutes(6))
                .build())
                .isInstanceOf(IdempotencyConfigurationException.class)
                .hasMessageContaining("PT5M").hasMessageContaining("PT6M");
        assertThat(valid().expiration(Duration.ofMinutes(5)).inProgressTimeout(Duration.ofMinutes(5)).build()
                .inProgressTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void inProgressTimeoutMustBePositive() {
        assertThatThrownBy(() -> valid().inProgressTimeout(Duration.ZERO).build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("inProgressTimeout");
        assertThatThrownBy(() -> valid().inProgressTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("inProgressTimeout");
        assertThatThrownBy(() -> valid().inProgressTimeout(Duration.ofNanos(10)).build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("inProgressTimeout");
        assertThatThrownBy(() -> valid().inProgressTimeout(null).build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("inProgressTimeout");
    }

    @Test
    void disabledVariableIsValidatedAtInit() {
        ExecutionEnvironment typo = ExecutionEnvironment.create(Environment.of(
                Map.of(IdempotencyConfig.DISABLED_VARIABLE, "ture")));
        assertThatThrownBy(() -> valid().executionEnvironment(typo).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(IdempotencyConfig.DISABLED_VARIABLE);
    }

    @Test
    void dynamoStoreNeedsATableNameAndDistinctAttributes() {
        assertThatThrownBy(() -> DynamoDbPersistenceStore.builder().build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("table name");
        assertThatThrownBy(() -> DynamoDbPersistenceStore.builder().tableName("t").dataAttr("status").build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> DynamoDbPersistenceStore.builder().tableName("t").compressAbove(-1).build())
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("compressAbove");
    }
}
