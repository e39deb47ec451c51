package io.powertools.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8#length} counts exactly what {@code String.getBytes(UTF_8)} would produce. */
class Utf8Test {

    private static int encoded(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void countsEveryEncodingWidthAndUnpairedSurrogatesLikeGetBytes() {
        String[] samples = {
            "", "order-1", "caf\u00e9", "\u20ac100", "\ud83d\ude00 smile", "\u0800\u07ff\u007f",
            "lone high \ud83d", "lone low \ude00 here", "\ude00\ud83d", "ends with high \ud83d",
        };
        for (String sample : samples) {
            assertThat(Utf8.length(sample)).as("length of %s", sample).isEqualTo(encoded(sample));
        }
        assertThat(Utf8.length(null)).isZero();
    }

    @Test
    void agreesWithGetBytesOnRandomText() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                // Favor the boundaries between widths and the surrogate range.
                switch (random.nextInt(5)) {
                    case 0 -> chars[i] = (char) random.nextInt(0x80);
                    case 1 -> chars[i] = (char) (0x80 + random.nextInt(0x800 - 0x80));
                    case 2 -> chars[i] = (char) (0xD800 + random.nextInt(0x800));
                    default -> chars[i] = (char) random.nextInt(0x10000);
                }
            }
            String text = new String(chars);
            assertThat(Utf8.length(text)).as("round %d", round).isEqualTo(encoded(text));
        }
    }
}
