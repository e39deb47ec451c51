package io.powertools.metrics.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded input as a hostile or careless caller gives it to the metrics API: names at and past the
 * length limits, in one, two, three and four bytes per character, control characters, quotes,
 * lone surrogates, reserved and colliding names, huge texts, odd numbers and nested values.
 */
public final class HostileInput {

    /** Names the library or CloudWatch treats specially. */
    private static final String[] SPECIAL = {"_aws", "function_request_id", "xray_trace_id", "ColdStart", "Service",
            "FunctionName", "", " ", "\t", ":colon", "quote\"d", "back\\slash", "new\nline", "caf\u00e9",
            "\u20ac", "\ud83d\ude80", "lone\ud800", "\udc00lone", "nul\u0000", "del\u007f"};
    private static final double[] ODD_NUMBERS = {0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1e200, -1e-200, 8.515920e-109, 1.174271e+108, 1.18e108, Double.MIN_VALUE,
            Long.MAX_VALUE, -1.2345678901234567E-100, 0.1 + 0.2};

    private final SplittableRandom random;

    /**
     * A generator.
     *
     * @param seed its seed: the same seed gives the same input
     */
    public HostileInput(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * True with the given probability.
     *
     * @param probability from 0 to 1
     * @return the draw
     */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /**
     * A number from 0 (inclusive) to the bound (exclusive).
     *
     * @param bound the bound
     * @return the draw
     */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * One of the values.
     *
     * @param values the choices
     * @param <T> their type
     * @return the draw
     */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * A name: mostly one of a few plain ones (so names repeat and collide), else a hostile one.
     *
     * @param plain the prefix of the plain names
     * @return the name
     */
    public String name(String plain) {
        if (chance(0.6)) {
            return plain + random.nextInt(12);
        }
        if (chance(0.3)) {
            return SPECIAL[random.nextInt(SPECIAL.length)];
        }
        return text(oneOf(1, 10, 249, 250, 251, 254, 255, 256, 1024, 1025));
    }

    /**
     * A text of about the given length (surrogate pairs may add one) from a random alphabet.
     *
     * @param length the number of UTF-16 units
     * @return the text
     */
    public String text(int length) {
        int alphabet = random.nextInt(7);
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            switch (alphabet == 6 ? random.nextInt(6) : alphabet) {
                case 0 -> text.append((char) ('a' + random.nextInt(26)));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) (0xa0 + random.nextInt(0x700)));
                case 3 -> text.append((char) (0x800 + random.nextInt(0xd000 - 0x800)));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000));
                default -> text.append(random.nextBoolean() ? (char) random.nextInt(0x20)
                        : (char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    /**
     * A metric value: mostly ordinary, sometimes one CloudWatch does not store.
     *
     * @return the value
     */
    public double number() {
        return switch (random.nextInt(4)) {
            case 0 -> ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)];
            case 1 -> random.nextInt(1000);
            case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(200) - 100);
            default -> random.nextDouble() * 100;
        };
    }

    /**
     * A metadata value: text (sometimes huge), numbers, booleans, null, nested maps and lists,
     * maps whose keys collide as text, and types JSON cannot hold.
     *
     * @param depth how deep in a nested value this is
     * @return the value
     */
    public Object value(int depth) {
        switch (random.nextInt(depth > 2 ? 6 : 9)) {
            case 0:
                return text(random.nextInt(40));
            case 1:
                // Rarely, a text around the metadata budget, in bytes of 1, 3 or 6 (escaped) each.
                return chance(0.05) ? text(oneOf(60_000, 180_000, 520_000)) : text(random.nextInt(2_000));
            case 2:
                return random.nextLong() >> random.nextInt(64);
            case 3:
                return number();
            case 4:
                return random.nextBoolean();
            case 5:
                return chance(0.5) ? null : new Object();
            case 6: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(chance(0.1) ? (Object) i : name("k"), value(depth + 1));
                }
                if (chance(0.1)) {
                    map.put(1, "number key");
                    map.put("1", "text key");
                }
                return map;
            }
            case 7: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(value(depth + 1));
                }
                return list;
            }
            default:
                return name("v");
        }
    }
}
