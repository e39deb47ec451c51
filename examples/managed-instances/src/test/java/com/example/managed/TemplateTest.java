package com.example.managed;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.testing.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml, checked offline: valid YAML, references resolve, the function runs on the capacity provider. */
class TemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load(Path.of("template.yaml"));
    }

    @Test
    void isASamTemplateWhoseReferencesResolve() {
        assertThat(template.root()).containsEntry("Transform", "AWS::Serverless-2016-10-31");
        assertThat(template.unresolvedReferences()).isEmpty();
        assertThat(template.unloadableHandlers()).isEmpty();
    }

    @Test
    void everyFunctionIsOnARuntimeLambdaStillCreates() {
        assertThat(template.uncreatableRuntimes()).isEmpty();
    }

    @Test
    void functionRunsMultiConcurrentlyOnTheCapacityProvider() {
        assertThat(template.type("OrdersCapacityProvider")).isEqualTo("AWS::Serverless::CapacityProvider");
        Map<String, Object> function = template.properties("ManagedOrdersFunction");
        Map<String, Object> capacity = SamTemplate.map(function.get("CapacityProviderConfig"));
        assertThat(capacity.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", "OrdersCapacityProvider.Arn"));
        assertThat((Integer) capacity.get("PerExecutionEnvironmentMaxConcurrency")).isGreaterThan(1);
        assertThat(function.get("Runtime")).isEqualTo("java21");
        assertThat(function).containsKey("AutoPublishAlias");
    }

    @Test
    void idempotencyTableHasTtlOnExpiration() {
        assertThat(template.properties("IdempotencyTable").get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiration", "Enabled", true));
    }
}
