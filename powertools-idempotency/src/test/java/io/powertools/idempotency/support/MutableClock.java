package io.powertools.idempotency.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that follows real time (or stands still) plus an offset the test moves forward. */
public final class MutableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();
    private final long frozenAt;

    /** A clock that follows real time. */
    public MutableClock() {
        this(0);
    }

    private MutableClock(long frozenAt) {
        this.frozenAt = frozenAt;
    }

    /** @return a clock that stands still at the current time until advanced, so no test depends on its own speed */
    public static MutableClock frozen() {
        return new MutableClock(System.currentTimeMillis());
    }

    /** @param d how far to move the clock forward */
    public void advance(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long millis() {
        return (frozenAt != 0 ? frozenAt : System.currentTimeMillis()) + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
