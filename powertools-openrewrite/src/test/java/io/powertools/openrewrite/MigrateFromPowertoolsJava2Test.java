package io.powertools.openrewrite;

import static org.openrewrite.java.Assertions.java;
import static org.openrewrite.maven.Assertions.pomXml;

import org.junit.jupiter.api.Test;
import org.openrewrite.java.JavaParser;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * The migration recipe, as a user runs it: each test is a Powertools 2.x source or pom before and
 * what the recipe must leave after.
 */
class MigrateFromPowertoolsJava2Test implements RewriteTest {

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipeFromResources("io.powertools.openrewrite.MigrateFromPowertoolsJava2")
                .parser(JavaParser.fromJavaVersion().dependsOn(PowertoolsStubs.ALL));
    }

    @Test
    void anAnnotatedHandlerWithTheMetricsSingletonBecomesStaticCalls() {
        rewriteRun(java(
                """
                package com.example;

                import software.amazon.lambda.powertools.logging.Logging;
                import software.amazon.lambda.powertools.metrics.FlushMetrics;
                import software.amazon.lambda.powertools.metrics.Metrics;
                import software.amazon.lambda.powertools.metrics.MetricsFactory;
                import software.amazon.lambda.powertools.metrics.model.MetricUnit;

                import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

                public class OrderHandler {
                    private static final Metrics METRICS = MetricsFactory.getMetricsInstance();

                    @Logging(logEvent = true)
                    @FlushMetrics(namespace = "Shop", captureColdStart = true)
                    public String handle(String order) {
                        METRICS.addDimension("Channel", "web");
                        METRICS.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
                        METRICS.addMetadata("orderId", order);
                        Object argument = entry("orderId", order);
                        return "ok";
                    }
                }
                """,
                """
                package com.example;

                import io.powertools.logging.Logging;
                import io.powertools.metrics.FlushMetrics;
                import io.powertools.metrics.MetricUnit;
                import io.powertools.metrics.Metrics;

                import static io.powertools.logging.StructuredArguments.entry;

                public class OrderHandler {

                    @Logging(logEvent = true)
                    @FlushMetrics(namespace = "Shop", captureColdStart = true)
                    public String handle(String order) {
                        Metrics.addDimension("Channel", "web");
                        Metrics.addMetric("OrderPlaced", 1, MetricUnit.COUNT);
                        Metrics.addMetadata("orderId", order);
                        Object argument = entry("orderId", order);
                        return "ok";
                    }
                }
                """));
    }

    @Test
    void aMetricsCallWithoutAStaticCounterpartIsLeftForTheCompilerToPointAt() {
        // The instance is gone, so "cannot find symbol: metrics" marks the one call to move by hand.
        rewriteRun(java(
                """
                package com.example;

                import software.amazon.lambda.powertools.metrics.Metrics;
                import software.amazon.lambda.powertools.metrics.MetricsFactory;

                class Defaults {
                    void configure(Object dimensions) {
                        Metrics metrics = MetricsFactory.getMetricsInstance();
                        metrics.setDefaultDimensions(dimensions);
                    }
                }
                """,
                """
                package com.example;

                class Defaults {
                    void configure(Object dimensions) {
                        metrics.setDefaultDimensions(dimensions);
                    }
                }
                """));
    }

    @Test
    void theIdempotencyBuildersLoseTheirWithPrefix() {
        rewriteRun(java(
                """
                package com.example;

                import java.time.Duration;
                import software.amazon.lambda.powertools.idempotency.IdempotencyConfig;
                import software.amazon.lambda.powertools.idempotency.Idempotent;
                import software.amazon.lambda.powertools.idempotency.IdempotencyKey;
                import software.amazon.lambda.powertools.idempotency.persistence.dynamodb.DynamoDBPersistenceStore;

                class Payments {
                    static final DynamoDBPersistenceStore STORE = DynamoDBPersistenceStore.builder()
                            .withTableName("idempotency").withKeyAttr("pk").build();
                    static final IdempotencyConfig CONFIG = IdempotencyConfig.builder()
                            .withEventKeyJMESPath("orderId")
                            .withPayloadValidationJMESPath("amount")
                            .withExpiration(Duration.ofHours(1))
                            .build();

                    @Idempotent
                    String pay(@IdempotencyKey String orderId) {
                        return orderId;
                    }
                }
                """,
                """
                package com.example;

                import java.time.Duration;

                import io.powertools.idempotency.IdempotencyConfig;
                import io.powertools.idempotency.IdempotencyKey;
                import io.powertools.idempotency.Idempotent;
                import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;

                class Payments {
                    static final DynamoDbPersistenceStore STORE = DynamoDbPersistenceStore.builder()
                            .tableName("idempotency").keyAttr("pk").build();
                    static final IdempotencyConfig CONFIG = IdempotencyConfig.builder()
                            .eventKeyJmesPath("orderId")
                            .payloadValidationJmesPath("amount")
                            .expiration(Duration.ofHours(1))
                            .build();

                    @Idempotent
                    String pay(@IdempotencyKey String orderId) {
                        return orderId;
                    }
                }
                """));
    }

    @Test
    void theAspectJPluginWeavesWithIoPowertoolsAspectLibraries() {
        // Dependencies are moved by ChangeDependencyGroupIdAndArtifactId, which resolves the new
        // artifacts from the user's repositories; the plugin's aspect libraries are plain XML.
        rewriteRun(pomXml(
                """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>orders</artifactId>
                  <version>1.0.0</version>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.aspectj</groupId>
                        <artifactId>aspectj-maven-plugin</artifactId>
                        <version>1.14.1</version>
                        <configuration>
                          <aspectLibraries>
                            <aspectLibrary>
                              <groupId>software.amazon.lambda</groupId>
                              <artifactId>powertools-logging</artifactId>
                            </aspectLibrary>
                            <aspectLibrary>
                              <groupId>software.amazon.lambda</groupId>
                              <artifactId>powertools-idempotency-core</artifactId>
                            </aspectLibrary>
                          </aspectLibraries>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """,
                """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>orders</artifactId>
                  <version>1.0.0</version>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.aspectj</groupId>
                        <artifactId>aspectj-maven-plugin</artifactId>
                        <version>1.14.1</version>
                        <configuration>
                          <aspectLibraries>
                            <aspectLibrary>
                              <groupId>io.powertools</groupId>
                              <artifactId>powertools-logging</artifactId>
                            </aspectLibrary>
                            <aspectLibrary>
                              <groupId>io.powertools</groupId>
                              <artifactId>powertools-idempotency</artifactId>
                            </aspectLibrary>
                          </aspectLibraries>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """));
    }
}
