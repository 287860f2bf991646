package org.cityvitals.ingest.replay;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** Holds publication back so that event time advances {@code speed} times faster than the wall clock. */
final class Pacer {
    private final double speed;
    private Instant firstEventTime;
    private long firstWallNanos;

    /** @param speed event-time multiplier; {@code Double.POSITIVE_INFINITY} never waits */
    Pacer(double speed) {
        this.speed = speed;
    }

    /** Sleeps until {@code eventTime} is due; an interrupt ends the wait early and stays set for the caller. */
    void awaitTurn(Instant eventTime) {
        if (Double.isInfinite(speed)) return;
        if (firstEventTime == null) {
            firstEventTime = eventTime;
            firstWallNanos = System.nanoTime();
            return;
        }
        double eventNanos = (eventTime.toEpochMilli() - firstEventTime.toEpochMilli()) * 1_000_000.0;
        long dueNanos = firstWallNanos + (long) (eventNanos / speed);
        long waitNanos;
        while ((waitNanos = dueNanos - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(waitNanos);
        }
    }
}
