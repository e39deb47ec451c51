package io.powertools.openrewrite;

/**
 * The parts of the Powertools for AWS Lambda (Java) 2.x API the recipes match, declared as plain
 * stubs so the tests parse their "before" sources with full type attribution without Powertools'
 * jars.
 */
final class PowertoolsStubs {

    static final String LOGGING = """
            package software.amazon.lambda.powertools.logging;
            public @interface Logging {
                boolean logEvent() default false;
                double samplingRate() default 0;
            }
            """;
    static final String STRUCTURED_ARGUMENTS = """
            package software.amazon.lambda.powertools.logging.argument;
            public final class StructuredArguments {
                public static Object entry(String key, Object value) { return null; }
            }
            """;
    static final String FLUSH_METRICS = """
            package software.amazon.lambda.powertools.metrics;
            public @interface FlushMetrics {
                String namespace() default "";
                boolean captureColdStart() default false;
            }
            """;
    static final String METRICS = """
            package software.amazon.lambda.powertools.metrics;
            import software.amazon.lambda.powertools.metrics.model.MetricUnit;
            public interface Metrics {
                void addMetric(String key, double value, MetricUnit unit);
                void addDimension(String key, String value);
                void addMetadata(String key, Object value);
                void setDefaultDimensions(Object dimensionSet);
            }
            """;
    static final String METRICS_FACTORY = """
            package software.amazon.lambda.powertools.metrics;
            public final class MetricsFactory {
                public static Metrics getMetricsInstance() { return null; }
            }
            """;
    static final String METRIC_UNIT = """
            package software.amazon.lambda.powertools.metrics.model;
            public enum MetricUnit { COUNT, MILLISECONDS }
            """;
    static final String IDEMPOTENT = """
            package software.amazon.lambda.powertools.idempotency;
            public @interface Idempotent { }
            """;
    static final String IDEMPOTENCY_KEY = """
            package software.amazon.lambda.powertools.idempotency;
            public @interface IdempotencyKey { }
            """;
    static final String IDEMPOTENCY_CONFIG = """
            package software.amazon.lambda.powertools.idempotency;
            import java.time.Duration;
            public class IdempotencyConfig {
                public static Builder builder() { return new Builder(); }
                public static class Builder {
                    public Builder withEventKeyJMESPath(String path) { return this; }
                    public Builder withPayloadValidationJMESPath(String path) { return this; }
                    public Builder withExpiration(Duration expiration) { return this; }
                    public Builder withUseLocalCache(boolean use) { return this; }
                    public IdempotencyConfig build() { return new IdempotencyConfig(); }
                }
            }
            """;
    static final String DYNAMODB_STORE = """
            package software.amazon.lambda.powertools.idempotency.persistence.dynamodb;
            public class DynamoDBPersistenceStore {
                public static Builder builder() { return new Builder(); }
                public static class Builder {
                    public Builder withTableName(String table) { return this; }
                    public Builder withKeyAttr(String name) { return this; }
                    public DynamoDBPersistenceStore build() { return new DynamoDBPersistenceStore(); }
                }
            }
            """;

    static final String[] ALL = {LOGGING, STRUCTURED_ARGUMENTS, FLUSH_METRICS, METRICS, METRICS_FACTORY, METRIC_UNIT,
        IDEMPOTENT, IDEMPOTENCY_KEY, IDEMPOTENCY_CONFIG, DYNAMODB_STORE};

    private PowertoolsStubs() {
    }
}
