package io.powertools.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.core.json.Json;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndDropsWhitespace() {
        String a = CanonicalJson.of(Json.parse("{\"b\": {\"y\": 1, \"x\": [true, null, \"s\"]}, \"a\": 2.5}"));
        String b = CanonicalJson.of(Json.parse("{\"a\":2.5,\n \"b\":{\"x\":[true,null,\"s\"],\"y\":1}}"));
        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":2.5,\"b\":{\"x\":[true,null,\"s\"],\"y\":1}}");
    }

    @Test
    void keepsArrayOrderAndEscapesStrings() {
        assertThat(CanonicalJson.of(Json.parse("[2,1]"))).isNotEqualTo(CanonicalJson.of(Json.parse("[1,2]")));
        assertThat(CanonicalJson.of(Json.parse("{\"q\\\"k\":\"line\\nbreak\"}"))).isEqualTo("{\"q\\\"k\":\"line\\nbreak\"}");
    }

    @Test
    void scalarsAreTheirPlainValueLikePowertoolsJava() {
        assertThat(CanonicalJson.of(Json.parse("\"abc\""))).isEqualTo("abc");
        assertThat(CanonicalJson.of(Json.parse("42"))).isEqualTo("42");
        assertThat(CanonicalJson.of(Json.parse("true"))).isEqualTo("true");
    }
}
