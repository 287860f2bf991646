package org.cityvitals.indicators.signal;

/**
 * Where an alert came from. {@code BACKFILL} alerts (computed from replayed history) are stored and visible in
 * history, but never pushed to screens as live alarms and never counted in the live alarm flood.
 */
public enum AlertOrigin {
    LIVE, BACKFILL
}
