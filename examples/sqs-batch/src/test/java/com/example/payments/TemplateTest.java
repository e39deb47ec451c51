package com.example.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.testing.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml, checked offline: valid YAML, references resolve, handlers exist, every SQS event
 * reports batch item failures and every queue has a dead-letter queue of the right kind.
 */
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
    void everySqsEventReportsBatchItemFailures() {
        int events = 0;
        for (String function : List.of("PaymentsFunction", "FifoPaymentsFunction")) {
            for (Object event : SamTemplate.map(template.properties(function).get("Events")).values()) {
                Map<String, Object> properties = SamTemplate.map(SamTemplate.map(event).get("Properties"));
                assertThat(properties.get("FunctionResponseTypes")).as(function)
                        .isEqualTo(List.of("ReportBatchItemFailures"));
                events++;
            }
        }
        assertThat(events).isEqualTo(2);
    }

    @Test
    void everyQueueRedrivesToADeadLetterQueueOfItsKind() {
        for (String queue : List.of("PaymentsQueue", "PaymentsFifoQueue")) {
            Map<String, Object> redrive = SamTemplate.map(template.properties(queue).get("RedrivePolicy"));
            String dlq = SamTemplate.map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt").toString().split("\\.")[0];
            assertThat(template.type(dlq)).isEqualTo("AWS::SQS::Queue");
            assertThat(template.properties(dlq).get("FifoQueue")).as(dlq)
                    .isEqualTo(template.properties(queue).get("FifoQueue"));
            assertThat((Integer) redrive.get("maxReceiveCount")).isBetween(2, 10);
            // SQS must not redeliver a message while a batch holding it may still run.
            assertThat((Integer) template.properties(queue).get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * 30);
        }
    }

    @Test
    void idempotencyTableHasTtlOnExpiration() {
        assertThat(template.properties("IdempotencyTable").get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiration", "Enabled", true));
    }
}
