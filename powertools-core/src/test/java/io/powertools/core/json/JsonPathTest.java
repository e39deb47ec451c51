package io.powertools.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    @Test
    void searchesPlainPaths() {
        JsonNode event = Json.parse("{\"requestContext\":{\"requestId\":\"abc\"}}");
        assertThat(JsonPath.compile("requestContext.requestId").search(event).asText()).isEqualTo("abc");
        assertThat(JsonPath.compile("requestContext.missing").search(event).isNull()).isTrue();
    }

    @Test
    void powertoolsJsonParsesAStringHoldingJson() {
        JsonNode event = Json.parse("{\"body\":\"{\\\"order\\\":{\\\"id\\\":42}}\"}");
        assertThat(JsonPath.compile("powertools_json(body).order.id").search(event).asInt()).isEqualTo(42);
    }

    @Test
    void powertoolsBase64DecodesText() {
        String encoded = Base64.getEncoder().encodeToString("{\"id\":7}".getBytes(StandardCharsets.UTF_8));
        JsonNode event = Json.toTree(Map.of("data", encoded));
        assertThat(JsonPath.compile("powertools_base64(data)").search(event).asText()).isEqualTo("{\"id\":7}");
        assertThat(JsonPath.compile("powertools_json(powertools_base64(data)).id").search(event).asInt())
                .isEqualTo(7);
    }

    @Test
    void powertoolsBase64GzipDecodesCompressedText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("{\"logGroup\":\"/aws/lambda/x\"}".getBytes(StandardCharsets.UTF_8));
        }
        JsonNode event = Json.toTree(Map.of("awslogs", Map.of("data",
                Base64.getEncoder().encodeToString(bytes.toByteArray()))));
        assertThat(JsonPath.compile("powertools_json(powertools_base64_gzip(awslogs.data)).logGroup")
                .search(event).asText()).isEqualTo("/aws/lambda/x");
    }

    @Test
    void compiledExpressionsAreCached() {
        assertThat(JsonPath.compile("a.b")).isSameAs(JsonPath.compile("a.b"));
    }

    @Test
    void malformedExpressionFailsAtCompileNamingIt() {
        assertThatThrownBy(() -> JsonPath.compile("requestContext.[requestId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid JMESPath expression 'requestContext.[requestId'");
        assertThatThrownBy(() -> JsonPath.compile("  "))
                .hasMessageContaining("blank");
    }

    @Test
    void unknownFunctionFailsAtCompile() {
        assertThatThrownBy(() -> JsonPath.compile("no_such_function(body)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_such_function");
    }

    @Test
    void evaluationFailureNamesTheExpression() {
        JsonNode event = Json.parse("{\"body\":\"not json\"}");
        assertThatThrownBy(() -> JsonPath.compile("powertools_json(body).id").search(event))
                .isInstanceOf(JsonPathException.class)
                .hasMessageContaining("'powertools_json(body).id' failed");
    }

    @Test
    void searchValueConvertsPojos() {
        record Order(String id) { }
        assertThat(JsonPath.compile("id").searchValue(new Order("o-1")).asText()).isEqualTo("o-1");
    }
}
