package io.powertools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.metrics.EmfSink;
import io.powertools.metrics.MetricResolution;
import io.powertools.metrics.MetricUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Metadata is charged exactly what the EMF writer writes for it: the difference a member makes to
 * a real blob equals {@link MetadataValues#memberBytes}, for every kind of value.
 */
class MetadataValuesTest {

    private static int blobSize(Map<String, Object> metadata) {
        int[] size = {0};
        EmfSink sink = (line, offset, length) -> size[0] = length;
        Series series = new Series("M", MetricUnit.COUNT, MetricResolution.STANDARD, 1);
        new EmfWriter(sink).writeBlob("Ns", 1_764_000_000_000L, new String[0], new String[0], 0,
                new Series[] {series}, 1, 0, metadata, new byte[0]);
        return size[0];
    }

    private static void assertChargedAsWritten(String key, Object value) {
        MetadataValues.Copy copy = MetadataValues.copy(key, value);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(key, copy.value());
        assertThat((long) blobSize(metadata) - blobSize(null)).as("%s = %s", key, value)
                .isEqualTo(MetadataValues.memberBytes(key, copy));
    }

    @Test
    void everyKindOfValueIsChargedWhatItCostsAsWritten() {
        assertChargedAsWritten("text", "plain");
        assertChargedAsWritten("escapes", "quote\" backslash\\ newline\n bell\u0007");
        assertChargedAsWritten("unicode", "caf\u00e9 \u20ac \ud83d\ude80");
        assertChargedAsWritten("lone", "\ud800\udc00\udc00\ud800"); // a pair, then two lone ones
        assertChargedAsWritten("key \"quoted\" \u20ac", 1);
        assertChargedAsWritten("negative", -1234567L);
        assertChargedAsWritten("min", Long.MIN_VALUE);
        assertChargedAsWritten("double", 0.1 + 0.2);
        assertChargedAsWritten("float", 0.1f);
        assertChargedAsWritten("big", new BigDecimal("12345678901234567890.123456789"));
        assertChargedAsWritten("bigint", new BigInteger("-123456789012345678901234567890"));
        assertChargedAsWritten("booleans", List.of(true, false));
        assertChargedAsWritten("null", null);
        assertChargedAsWritten("empty", Map.of());
        assertChargedAsWritten("emptyList", List.of());
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a\n", List.of(1, "two", Map.of("x", 3.5)));
        nested.put("b", new Object[] {null, 'c', MetricUnit.COUNT});
        assertChargedAsWritten("nested", nested);
    }

    @Test
    void randomValuesAreChargedWhatTheyCostAsWritten() {
        Random random = new Random(4);
        for (int run = 0; run < 2_000; run++) {
            assertChargedAsWritten("k" + run, randomValue(random, 0));
        }
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 2 ? 5 : 7)) {
            case 0:
                return randomText(random);
            case 1:
                return random.nextLong() >> random.nextInt(64);
            case 2:
                return random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            case 3:
                return random.nextBoolean();
            case 4:
                return null;
            case 5: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    // Names refuse unpaired surrogates (ValidationTest); values keep them as escapes.
                    map.put(randomText(random).replaceAll("[\\ud800-\\udfff]", "?"), randomValue(random, depth + 1));
                }
                return map;
            }
            default: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) random.nextInt(0x80));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> text.append((char) (0x800 + random.nextInt(0xd000 - 0x800)));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000));
                default -> text.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }
}
