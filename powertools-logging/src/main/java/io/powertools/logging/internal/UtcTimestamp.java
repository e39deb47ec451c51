package io.powertools.logging.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats epoch milliseconds as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, whatever the JVM's
 * zone. The text up to the seconds is kept from the previous call, so lines logged in the same
 * second only write the milliseconds. Not thread-safe: one per writer.
 */
final class UtcTimestamp {

    private final StringBuilder text = new StringBuilder("yyyy-MM-ddTHH:mm:ss.SSSZ".length());
    private long second = Long.MIN_VALUE;
    private int millisAt;

    CharSequence format(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000L);
        if (epochSecond != second) {
            second = epochSecond;
            text.setLength(0);
            LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            pad(time.getYear(), 4);
            text.append('-');
            pad(time.getMonthValue(), 2);
            text.append('-');
            pad(time.getDayOfMonth(), 2);
            text.append('T');
            pad(time.getHour(), 2);
            text.append(':');
            pad(time.getMinute(), 2);
            text.append(':');
            pad(time.getSecond(), 2);
            text.append('.');
            millisAt = text.length();
        }
        text.setLength(millisAt);
        pad((int) Math.floorMod(epochMillis, 1000L), 3);
        text.append('Z');
        return text;
    }

    private void pad(int value, int width) {
        for (int digits = width - 1, limit = 10; digits > 0; digits--, limit *= 10) {
            if (value < limit) {
                text.append('0');
            }
        }
        text.append(value);
    }
}
