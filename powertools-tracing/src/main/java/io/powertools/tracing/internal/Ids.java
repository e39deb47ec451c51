package io.powertools.tracing.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Segment and exception ids: 64 random bits as 16 lower-case hex digits, as X-Ray requires. */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    static String next() {
        long bits = ThreadLocalRandom.current().nextLong();
        if (bits == 0) {
            bits = 1; // an all-zero id is valid hex but reads as "unset" to many tools
        }
        char[] id = new char[16];
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        return new String(id);
    }
}
