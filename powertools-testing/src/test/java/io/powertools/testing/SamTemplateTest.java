package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private static final String TEMPLATE = String.join("\n",
            "Transform: AWS::Serverless-2016-10-31",
            "Parameters:",
            "  Stage:",
            "    Type: String",
            "Resources:",
            "  Table:",
            "    Type: AWS::DynamoDB::Table",
            "  Echo:",
            "    Type: AWS::Serverless::Function",
            "    Properties:",
            "      Handler: io.powertools.testing.handlers.EchoHandler::handleRequest",
            "      Environment:",
            "        Variables:",
            "          TABLE: !Ref Table",
            "          STAGE: !Sub '${Stage}-orders'",
            "          QUEUE: !GetAtt Queue.Arn",
            "  Broken:",
            "    Type: AWS::Serverless::Function",
            "    Properties:",
            "      Handler: com.example.Missing::handleRequest",
            "");

    @Test
    void shortFormIntrinsicsBecomeTheirLongForm() {
        SamTemplate template = SamTemplate.parse(TEMPLATE);
        assertThat(template.type("Echo")).isEqualTo("AWS::Serverless::Function");
        assertThat(SamTemplate.map(SamTemplate.map(template.properties("Echo").get("Environment")).get("Variables"))
                .get("TABLE")).isEqualTo(java.util.Map.of("Ref", "Table"));
    }

    @Test
    void reportsReferencesToNothingAndHandlersThatDoNotLoad() {
        SamTemplate template = SamTemplate.parse(TEMPLATE);
        assertThat(template.unresolvedReferences()).singleElement().asString().contains("Queue");
        assertThat(template.unloadableHandlers()).singleElement().asString().contains("com.example.Missing");
    }
}
