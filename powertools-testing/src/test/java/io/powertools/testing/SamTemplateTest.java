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

    @Test
    void java21AndJava25AreCreatableWhetherSetPerFunctionOrInGlobals() {
        SamTemplate template = SamTemplate.parse(String.join("\n",
                "Globals:",
                "  Function:",
                "    Runtime: java21",
                "Resources:",
                "  FromGlobals:",
                "    Type: AWS::Serverless::Function",
                "  Own:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: java25",
                "  Plain:",
                "    Type: AWS::Lambda::Function",
                "    Properties:",
                "      Runtime: java21",
                "  Image:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      PackageType: Image",
                ""));

        assertThat(template.uncreatableRuntimes()).isEmpty();
    }

    @Test
    void retiredUnknownAndMissingRuntimesAreReportedWithTheRuntimesToUse() {
        SamTemplate template = SamTemplate.parse(String.join("\n",
                "Globals:",
                "  Function:",
                "    Runtime: java17",
                "Resources:",
                "  FromGlobals:",
                "    Type: AWS::Serverless::Function",
                "  OwnWins:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: java21",
                "  Old:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: java11",
                "  Typo:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: java-21",
                "  NoRuntime:",
                "    Type: AWS::Lambda::Function",
                "    Properties:",
                "      Handler: com.example.Handler::handleRequest",
                "  Node:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: nodejs24.x",
                ""));

        assertThat(template.uncreatableRuntimes()).containsExactlyInAnyOrder(
                "FromGlobals: Runtime java17 can no longer be created (deprecated on 2026-06-30, creation blocked"
                        + " since 2026-07-31); use java21 or java25",
                "Old: Runtime java11 can no longer be created (deprecated on 2026-06-30, creation blocked"
                        + " since 2026-07-31); use java21 or java25",
                "Typo: Runtime java-21 is not a Java runtime Lambda offers; use java21 or java25",
                "NoRuntime: no Runtime (in its Properties or Globals.Function); use java21 or java25");
    }
}
