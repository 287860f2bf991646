package org.cityvitals.indicators.signal;

/**
 * Where a result was computed. LIVE results come from the running job and are pushed to the screens; BACKFILL results
 * come from replayed history: stored and visible in history and analyst queries, never pushed as live alarms and
 * never part of the live flood count.
 */
public enum Origin {
    LIVE, BACKFILL;

    /**
     * Whether the job reads a bounded input (a replay's offset range): it then waits for every partition and judges
     * in event-time order, so a second run gives the same results; a live job may not wait.
     */
    public boolean bounded() {
        return this == BACKFILL;
    }
}
