package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.testing.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml, checked offline: valid YAML, references resolve, handlers exist, TTL is on. */
class TemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load(Path.of("template.yaml"));
    }

    @Test
    void isASamTemplate() {
        assertThat(template.root()).containsEntry("Transform", "AWS::Serverless-2016-10-31");
        assertThat(template.resources()).isNotEmpty();
        template.resources().keySet().forEach(name -> assertThat(template.type(name)).as(name).isNotBlank());
    }

    @Test
    void everyReferenceResolves() {
        assertThat(template.unresolvedReferences()).isEmpty();
    }

    @Test
    void theCheckSeesAMissingReference() {
        SamTemplate broken = SamTemplate.parse("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                + "    Properties:\n      Environment:\n        Variables:\n          A: !Ref Missing\n"
                + "          B: !GetAtt Gone.Arn\n          C: !Sub '${AWS::Region}-${Absent}'\n");

        assertThat(broken.unresolvedReferences()).extracting(s -> s.split(" ")[0])
                .containsExactly("Missing", "Gone", "Absent");
    }

    @Test
    void everyFunctionIsOnARuntimeLambdaStillCreates() {
        assertThat(template.uncreatableRuntimes()).isEmpty();
    }

    @Test
    void everyHandlerExists() {
        assertThat(template.unloadableHandlers()).isEmpty();
    }

    @Test
    void idempotencyTableHasTtlOnExpiration() {
        Map<String, Object> table = template.properties("IdempotencyTable");
        assertThat(table.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));
        assertThat(table.get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiration", "Enabled", true));
    }

    @Test
    void functionGetsTheTablesItUses() {
        Map<String, Object> variables = SamTemplate.map(SamTemplate.map(
                template.properties("OrdersFunction").get("Environment")).get("Variables"));
        assertThat(variables).containsEntry("IDEMPOTENCY_TABLE", Map.of("Ref", "IdempotencyTable"))
                .containsEntry("ORDERS_TABLE", Map.of("Ref", "OrdersTable"));
    }
}
