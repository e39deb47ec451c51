package io.powertools.logging.testsupport;

import static io.powertools.logging.StructuredArguments.entries;
import static io.powertools.logging.StructuredArguments.entry;
import static io.powertools.logging.StructuredArguments.json;

import io.powertools.logging.LogKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Seeded input as a hostile or careless caller gives it to a logger: texts in one to four bytes
 * per character, control characters, quotes, lone surrogates, JSON-looking text, names the layout
 * reserves, huge texts, nested values, and exceptions with cycles, deep causes and methods that
 * throw. Secrets are made only by {@link #secret()}, so a test can search the output for them.
 */
public final class HostileLogInput {

    /** What every secret starts with; it must never appear in the output. */
    public static final String SECRET_PREFIX = "s3cr3t-";
    /** Keys the tests configure as sensitive (surefire: POWERTOOLS_LOGGER_REDACT_KEYS), in odd cases. */
    private static final String[] SENSITIVE = {"password", "Password", "AUTHORIZATION", "cardNumber", "cardnumber"};
    /** Names the layout writes itself, and other names a careless caller uses. */
    private static final String[] SPECIAL = {"level", "message", "timestamp", "logger", "error", "service",
            "cold_start", "function_name", "function_version", "function_arn", "function_memory_size",
            "function_request_id", "xray_trace_id", "tenant_id", "correlation_id", "sampling_rate", "",
            " ", "quote\"d", "back\\slash", "new\nline", "caf\u00e9", "\ud83d\ude80", "lone\ud800", "\udc00lone",
            "nul\u0000", "{\"json\":1}"};

    private final SplittableRandom random;
    private int secrets;

    /**
     * A generator.
     *
     * @param seed its seed: the same seed gives the same input
     */
    public HostileLogInput(long seed) {
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
     * A name: mostly one of a few plain ones (so names repeat and collide across sources), else a
     * reserved or odd one, else random text.
     *
     * @return the name
     */
    public String name() {
        if (chance(0.5)) {
            return "k" + random.nextInt(8);
        }
        if (chance(0.6)) {
            return SPECIAL[random.nextInt(SPECIAL.length)];
        }
        return text(random.nextInt(40) + 1);
    }

    /**
     * A key the tests configure as sensitive, in some spelling.
     *
     * @return the key
     */
    public String sensitiveKey() {
        return SENSITIVE[random.nextInt(SENSITIVE.length)];
    }

    /**
     * A secret value, unique in the run.
     *
     * @return the secret
     */
    public String secret() {
        return SECRET_PREFIX + secrets++;
    }

    /**
     * JSON text that holds a secret under a sensitive key, sometimes deep, sometimes not valid JSON.
     *
     * @return the text
     */
    public String textHoldingASecret() {
        String member = "\"" + sensitiveKey() + "\":\"" + secret() + "\"";
        return switch (random.nextInt(4)) {
            case 0 -> "{" + member + "}";
            case 1 -> "{\"a\":[1,{\"b\":{" + member + "}}],\"c\":\"" + text(20).replace("\\", "").replace("\"", "") + "\"}";
            case 2 -> "  [{" + member + ",\"n\":null}]";
            default -> "{not json, " + member;
        };
    }

    /**
     * A text of the given length (surrogate pairs may add one) from a random alphabet.
     *
     * @param length the number of UTF-16 units
     * @return the text
     */
    public String text(int length) {
        int alphabet = random.nextInt(8);
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            switch (alphabet == 7 ? random.nextInt(7) : alphabet) {
                case 0 -> text.append((char) ('a' + random.nextInt(26)));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) (0xa0 + random.nextInt(0x700)));
                case 3 -> text.append((char) (0x800 + random.nextInt(0xd000 - 0x800)));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000));
                case 5 -> text.append(random.nextBoolean() ? "{\"level\":\"ERROR\",\"x\":[" : "]}\n\"\\");
                default -> text.append(random.nextBoolean() ? (char) random.nextInt(0x20)
                        : (char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    /**
     * A message or value text: mostly short, sometimes around or past what one line can hold.
     *
     * @return the text
     */
    public String message() {
        return chance(0.04) ? text(oneOf(70_000, 140_000, 300_000)) : text(random.nextInt(200));
    }

    /**
     * A value for a key or argument: text, numbers, booleans, null, nested maps and lists (some
     * holding a secret under a sensitive key), objects JSON cannot hold.
     *
     * @param depth how deep in a nested value this is
     * @return the value
     */
    public Object value(int depth) {
        switch (random.nextInt(depth > 2 ? 5 : 8)) {
            case 0:
                return message();
            case 1:
                return random.nextLong() >> random.nextInt(64);
            case 2:
                return oneOf(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300, random.nextDouble());
            case 3:
                return chance(0.5) ? null : random.nextBoolean();
            case 4:
                return chance(0.5) ? textHoldingASecret() : new Object();
            case 5: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(name(), value(depth + 1));
                }
                if (chance(0.3)) {
                    map.put(sensitiveKey(), chance(0.5) ? secret() : Map.of("nested", secret()));
                }
                return map;
            }
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(value(depth + 1));
                }
                return list;
            }
            default:
                return name();
        }
    }

    /**
     * An exception: plain, with a huge or hostile message, a cause cycle, a deep cause chain, or
     * one whose getMessage() or toString() throws.
     *
     * @return the exception
     */
    public Throwable exception() {
        switch (random.nextInt(5)) {
            case 0: {
                IllegalStateException first = new IllegalStateException(message());
                IllegalArgumentException second = new IllegalArgumentException(message(), first);
                first.initCause(second);
                return first;
            }
            case 1: {
                RuntimeException deep = new RuntimeException("root " + text(10));
                for (int i = random.nextInt(3_000); i > 0; i--) {
                    deep = new RuntimeException("level " + i, deep);
                }
                return deep;
            }
            case 2:
                return new IllegalStateException() {
                    @Override
                    public String getMessage() {
                        throw new UnsupportedOperationException("getMessage");
                    }
                };
            case 3:
                return new IllegalStateException("x") {
                    @Override
                    public String toString() {
                        throw new UnsupportedOperationException("toString");
                    }
                };
            default:
                return new RuntimeException(message());
        }
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
     * One random log-related call, as careless or hostile code makes it: an MDC entry (sometimes a
     * secret under a sensitive key, sometimes JSON text holding one), a temporary key, a fluent
     * key-value, structured arguments, JSON text, an exception, a key removed, a plain message.
     * Must run inside an invocation (temporary keys need one).
     *
     * @param log the logger
     */
    public void logRandomly(Logger log) {
        switch (nextInt(9)) {
            case 0 -> MDC.put(name(), chance(0.3) ? textHoldingASecret() : message());
            case 1 -> MDC.put(sensitiveKey(), secret());
            case 2 -> {
                if (chance(0.2)) {
                    LogKeys.appendKey(sensitiveKey(), secret());
                } else {
                    LogKeys.appendKey(name(), value(0));
                }
            }
            case 3 -> log.atLevel(oneOf(Level.INFO, Level.WARN))
                    .addKeyValue(name(), value(0))
                    .addKeyValue(sensitiveKey(), secret())
                    .log(message());
            case 4 -> log.info(message(), entry(name(), value(0)), entry(name(), value(0)),
                    entry(sensitiveKey(), chance(0.5) ? secret() : value(0)));
            case 5 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = nextInt(6); i > 0; i--) {
                    map.put(name(), value(0));
                }
                log.warn(message(), entries(map), json(name(), chance(0.5) ? textHoldingASecret() : message()));
            }
            case 6 -> log.error(message(), exception());
            case 7 -> LogKeys.removeKey(name());
            default -> log.info(message());
        }
    }
}
