package org.cityvitals.indicators.signal;

import org.cityvitals.indicators.level.Level;

import java.time.Instant;

/**
 * One transition of an alert episode: opened, level changed or resolved.
 *
 * <p>An episode is identified by {@code alertId}, deterministic from its rule, indicator, area (a district code or the
 * city's own code) and the instant its condition began ({@code since}), so a replay produces the same ids; an
 * episode that opens again after it resolved is a new episode with a new id. {@code version} grows with every
 * transition of the episode and never goes back, also across a restore. The fields are structured so a screen can
 * render the alert in any language: {@code rule}, {@code indicatorId}, {@code value} and {@code threshold} (for the
 * anomaly rule the usual value, for no-data the minutes of silence and the minutes allowed); {@code message} is an
 * English rendering for logs and plain clients.
 */
public record AlertEvent(String alertId, int version, String rule, String indicatorId, String district,
                         AlertKind kind, Level level, Level previousLevel, double value, double threshold,
                         Instant since, Instant eventTime, AlertAudience audience, Origin origin,
                         String message) {

    /** Whether the live screens show this alert and count it in the alarm flood: only live ones, never a backfill's. */
    public boolean pushedLive() {
        return origin == Origin.LIVE;
    }
}
