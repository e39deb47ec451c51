package io.powertools.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.idempotency.HashAlgorithm;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form, rule by rule (CanonicalKeyPropertiesTest checks the rules hold together). */
class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.of(Json.parse(json));
    }

    @Test
    void sortsMembersAtEveryLevelAndDropsWhitespace() {
        String a = canonical("{\"b\": {\"y\": 1, \"x\": [true, null, \"s\"]}, \"a\": 2.5}");
        String b = canonical("{\"a\":2.5,\n \"b\":{\"x\":[true,null,\"s\"],\"y\":1}}");
        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":25e-1,\"b\":{\"x\":[true,null,\"s\"],\"y\":1}}");
    }

    @Test
    void keepsArrayOrder() {
        assertThat(canonical("[2,1]")).isNotEqualTo(canonical("[1,2]"));
    }

    @Test
    void stringsAreQuotedSoTheyNeverSpellAnotherType() {
        assertThat(canonical("\"1\"")).isEqualTo("\"1\"").isNotEqualTo(canonical("1"));
        assertThat(canonical("\"{\\\"a\\\":1}\"")).isNotEqualTo(canonical("{\"a\":1}"));
        assertThat(canonical("{\"q\\\"k\":\"line\\nbreak\\\\\"}")).isEqualTo("{\"q\\\"k\":\"line\\u000abreak\\\\\"}");
    }

    @Test
    void unpairedSurrogatesAreEscapedSoUtf8EncodingKeepsThemApart() {
        JsonNode lone = Json.toTree(Map.of("k", "a\ud800"));
        JsonNode question = Json.toTree(Map.of("k", "a?"));
        assertThat(CanonicalJson.of(lone)).isEqualTo("{\"k\":\"a\\ud800\"}");
        assertThat(CanonicalJson.of(lone).getBytes(StandardCharsets.UTF_8))
                .isNotEqualTo(CanonicalJson.of(question).getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalJson.of(Json.toTree("\ud83d\ude00"))).isEqualTo("\"\ud83d\ude00\"");
    }

    @Test
    void integersAreTheirDigitsAndDecimalsTheirExactValueWithoutTrailingZeros() {
        assertThat(canonical("1")).isEqualTo("1");
        assertThat(canonical("-12")).isEqualTo("-12");
        assertThat(canonical("123456789012345678901234567890")).isEqualTo("123456789012345678901234567890");
        assertThat(canonical("1.0")).isEqualTo(canonical("1.00")).isEqualTo(canonical("10e-1")).isEqualTo("1e0");
        assertThat(canonical("1.5")).isEqualTo("15e-1");
        assertThat(canonical("1e2")).isEqualTo(canonical("100.0")).isEqualTo("1e2");
        assertThat(canonical("0.0")).isEqualTo(canonical("-0.0")).isEqualTo("0e0");
        assertThat(canonical("1")).as("integer and decimal are different types").isNotEqualTo(canonical("1.0"));
        // Java decimal types are decimals even when whole: Jackson turns 7.0 into a BigDecimal of scale 0.
        assertThat(CanonicalJson.of(Json.toTree(new BigDecimal("7.0")))).isEqualTo(canonical("7.0")).isEqualTo("7e0");
        assertThat(CanonicalJson.of(Json.toTree(new BigDecimal("7")))).isEqualTo("7e0");
        assertThat(CanonicalJson.of(Json.toTree(7.0))).isEqualTo("7e0");
        assertThat(CanonicalJson.of(Json.toTree(7L))).isEqualTo(canonical("7")).isEqualTo("7");
    }

    @Test
    void nestingDeeperThanJsonAllowsIsRefusedInsteadOfOverflowingTheStack() {
        com.fasterxml.jackson.databind.node.ArrayNode deep = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode inner = deep;
        for (int i = 0; i < 50_000; i++) {
            inner = inner.addArray();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CanonicalJson.of(deep))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deeper than 1000 levels");
    }

    @Test
    void hugeExponentsStayShort() {
        JsonNode hostile = Json.toTree(Map.of("n", new BigDecimal("1e999999999")));
        assertThat(CanonicalJson.of(hostile)).isEqualTo("{\"n\":1e999999999}");
    }

    @Test
    void valuesFromJavaObjectsFollowTheSameRules() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("z", Double.NaN);
        event.put("big", new BigDecimal("1.50E+3"));
        event.put("huge", new BigInteger("123456789012345678901234567890"));
        event.put("float", 0.1f);
        event.put("double", 0.1);
        event.put("int", 7);
        event.put("bytes", new byte[] {1, 2, 3});
        event.put("nothing", null);
        assertThat(CanonicalJson.of(Json.toTree(event))).isEqualTo("{\"big\":15e2,\"bytes\":\"AQID\",\"double\":1e-1,"
                + "\"float\":1e-1,\"huge\":123456789012345678901234567890,\"int\":7,\"nothing\":null,\"z\":NaN}");
    }

    @Test
    void aStringIsHashedAsItsPlainTextAndEverythingElseInItsOwnDomain() throws Exception {
        Hasher hasher = new Hasher(HashAlgorithm.MD5);
        // Powertools for AWS Lambda (Java) hashes a string key as its text: those records keep matching.
        assertThat(hasher.hash(Json.toTree("abc-123"))).isEqualTo(md5("abc-123".getBytes(StandardCharsets.UTF_8)));
        // The number 123 is hashed as 0xFF + "123", never as the text "123".
        byte[] typed = new byte[] {(byte) 0xFF, '1', '2', '3'};
        assertThat(hasher.hash(Json.toTree(123))).isEqualTo(md5(typed)).isNotEqualTo(hasher.hash(Json.toTree("123")));
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
