package org.cityvitals.indicators.signal;

/**
 * Where a result was computed. LIVE results come from the running job and are pushed to the screens; BACKFILL results
 * come from replayed history: stored and visible in history and analyst queries, never pushed as live alarms and
 * never part of the live flood count.
 */
public enum Origin {
    LIVE, BACKFILL
}
