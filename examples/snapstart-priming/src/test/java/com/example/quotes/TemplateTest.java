package com.example.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.testing.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml, checked offline: valid YAML, references resolve, SnapStart on published versions. */
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
    void snapStartAppliesToThePublishedVersionBehindAnAlias() {
        Map<String, Object> function = template.properties("QuotesFunction");
        assertThat(function.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        assertThat(function.get("AutoPublishAlias")).isEqualTo("live");
    }
}
