package io.powertools.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON primitives of EMF lines and segment documents produce JSON a strict parser reads back to the same values. */
class JsonBytesTest {

    /** What powertools-testing's StrictJson does (core cannot depend on testing): duplicates and trailing tokens fail. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Test
    void plainAsciiIsWrittenAsIs() {
        assertThat(text(new JsonBytes(4).string("Orders.Placed-1"))).isEqualTo("\"Orders.Placed-1\"");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertThat(text(new JsonBytes(4).string("a\"b\\c\nd\te\u0001")))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    }

    @Test
    void nonAsciiIsUtf8EncodedIncludingSurrogatePairs() {
        String text = "caf\u00e9 \u20ac \ud83d\ude80";
        JsonBytes out = new JsonBytes(2).string(text);
        assertThat(new String(out.array(), 0, out.size(), StandardCharsets.UTF_8)).isEqualTo("\"" + text + "\"");
        assertThat(parse(out.array(), 0, out.size()).textValue()).isEqualTo(text);
    }

    @Test
    void anUnpairedSurrogateIsEscapedSoTheLineStaysValidUtf8() {
        JsonBytes out = new JsonBytes(8).string("x\ud800y");
        assertThat(text(out)).isEqualTo("\"x\\ud800y\"");
        assertThat(parse(out.array(), 0, out.size()).textValue()).isEqualTo("x\ud800y");
    }

    @Test
    void randomStringsRoundTripThroughAJsonParser() {
        Random random = new Random(42);
        for (int run = 0; run < 5_000; run++) {
            String text = randomText(random);
            JsonBytes out = new JsonBytes(1).string(text);
            assertThat(parse(out.array(), 0, out.size()).textValue()).as("run %d", run).isEqualTo(text);
        }
    }

    @Test
    void encodedLengthIsExactlyWhatIsWritten() {
        for (String text : new String[] {"", "plain", "quote\"back\\slash", "\n\r\t\b\f\u0001\u001f\u007f",
                "caf\u00e9 \u20ac \ud83d\ude80", "lone \ud800 \udc00", "\ud83d"}) {
            assertThat(JsonBytes.encodedLength(text)).as(text).isEqualTo(new JsonBytes(1).string(text).size());
        }
        Random random = new Random(17);
        for (int run = 0; run < 20_000; run++) {
            String text = randomText(random);
            assertThat(JsonBytes.encodedLength(text)).as("run %d", run).isEqualTo(new JsonBytes(1).string(text).size());
        }
        for (long value : new long[] {0, 9, -9, 10, -10, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(JsonBytes.encodedLength(value)).isEqualTo(new JsonBytes(1).number(value).size());
        }
    }

    @Test
    void doublesAreWrittenShortAndParseBackToTheSameValue() {
        assertThat(text(new JsonBytes(1).number(3.0))).isEqualTo("3");
        assertThat(text(new JsonBytes(1).number(-0.0))).isEqualTo("0");
        assertThat(text(new JsonBytes(1).number(1e20))).isEqualTo("1.0E20");
        assertThat(text(new JsonBytes(1).number(0.5))).isEqualTo("0.5");
        assertThat(text(new JsonBytes(1).number(-12.25))).isEqualTo("-12.25");
        assertThat(text(new JsonBytes(1).number(0.001))).isEqualTo("0.001");
        assertThat(text(new JsonBytes(1).number(-0.1))).isEqualTo("-0.1");
        assertThat(text(new JsonBytes(1).number(0.1 + 0.2))).isEqualTo(Double.toString(0.1 + 0.2));
        Random random = new Random(7);
        for (int run = 0; run < 5_000; run++) {
            double value = switch (run % 5) {
                case 0 -> random.nextGaussian() * 1e6;
                case 1 -> Math.rint(random.nextGaussian() * 1e12);
                case 2 -> Math.rint(random.nextGaussian() * 1e7) / 1e4;
                case 3 -> random.nextDouble() / 100;
                default -> Double.longBitsToDouble(random.nextLong()) % 1e100;
            };
            if (!Double.isFinite(value)) {
                continue;
            }
            JsonNode parsed = parse(text(new JsonBytes(1).number(value)));
            assertThat(parsed.isNumber()).isTrue();
            assertThat(parsed.doubleValue()).as("run %d", run).isEqualTo(value == 0 ? 0.0 : value);
        }
    }

    @Test
    void longsAtTheEdgesAreExact() {
        for (long value : new long[] {0, 7, -7, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000_000_000L}) {
            assertThat(text(new JsonBytes(1).number(value))).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void theBufferGrowsAndResetKeepsItsArray() {
        JsonBytes out = new JsonBytes(2);
        out.raw(JsonBytes.fragment("{\"k\":")).string("x".repeat(100)).raw('}');
        assertThat(text(out)).isEqualTo("{\"k\":\"" + "x".repeat(100) + "\"}");
        byte[] array = out.array();
        out.reset();
        assertThat(out.size()).isZero();
        assertThat(out.array()).isSameAs(array);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x60)));
                case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> text.append((char) (0x800 + random.nextInt(0xd000 - 0x800)));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000));
                default -> text.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    @Test
    void fixedPointWritesEveryFractionDigitAndNoExponent() {
        assertThat(text(new JsonBytes(1).fixedPoint(1_480_615_200_010_123L, 6))).isEqualTo("1480615200.010123");
        assertThat(text(new JsonBytes(1).fixedPoint(1_480_615_200_000_000L, 6))).isEqualTo("1480615200.000000");
        assertThat(text(new JsonBytes(1).fixedPoint(5, 3))).isEqualTo("0.005");
        assertThat(parse(text(new JsonBytes(1).fixedPoint(1_480_615_200_010_123L, 6))).isNumber()).isTrue();
    }

    @Test
    void fixedPointRefusesWhatItCannotWrite() {
        assertThatThrownBy(() -> new JsonBytes(1).fixedPoint(-1, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new JsonBytes(1).fixedPoint(1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction digits");
    }

    private static JsonNode parse(byte[] json, int offset, int length) {
        try {
            return STRICT.readTree(json, offset, length);
        } catch (java.io.IOException e) {
            throw new AssertionError("not strict JSON in UTF-8", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return STRICT.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not strict JSON: " + json, e);
        }
    }

    private static String text(JsonBytes out) {
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }
}
