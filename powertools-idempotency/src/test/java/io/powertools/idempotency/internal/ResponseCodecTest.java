package io.powertools.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Codecs are built once per response type, whichever way the type is given, and round-trip values. */
class ResponseCodecTest {

    @Test
    void theSameGenericTypeGetsTheSameCodecOnEveryCall() {
        TypeReference<List<Map<String, Integer>>> reference = new TypeReference<>() {
        };
        JavaType javaType = TypeFactory.defaultInstance().constructType(reference);

        ResponseCodec<List<Map<String, Integer>>> first = ResponseCodec.forType(reference.getType());
        assertThat(ResponseCodec.<List<Map<String, Integer>>>forType(new TypeReference<List<Map<String, Integer>>>() {
        }.getType())).isSameAs(first);
        assertThat(ResponseCodec.<List<Map<String, Integer>>>forType(javaType)).isSameAs(first);
    }

    @Test
    void differentTypesGetDifferentCodecsThatReadTheirOwnType() {
        ResponseCodec<List<Integer>> numbers = ResponseCodec.forType(new TypeReference<List<Integer>>() {
        }.getType());
        ResponseCodec<List<String>> texts = ResponseCodec.forType(new TypeReference<List<String>>() {
        }.getType());

        assertThat(texts).isNotSameAs(numbers);
        assertThat(numbers.read("k", numbers.write("k", List.of(1, 2)))).containsExactly(1, 2);
        assertThat(texts.read("k", texts.write("k", List.of("a")))).containsExactly("a");
    }
}
