package org.cityvitals.indicators.signal;

import org.cityvitals.indicators.level.Level;

import java.time.Instant;

/**
 * One transition of an alert: opened, level changed or resolved.
 *
 * <p>An alert is identified by {@code alertId}, deterministic from its rule, indicator, district and opening time, so
 * a replay produces the same ids; {@code version} increases with every transition of that alert. {@code since} is
 * when the episode's condition began; {@code audience} says who the alert is for and {@code origin} whether it comes
 * from live processing or a backfill. Messages written before these three fields existed decode as a live
 * operations alert whose condition began at its event time.
 */
public record AlertEvent(String alertId, int version, String rule, String indicatorId, String district,
                         AlertKind kind, Level level, Level previousLevel, double value, double threshold,
                         Instant eventTime, String message, Instant since, AlertAudience audience,
                         AlertOrigin origin) {

    public AlertEvent {
        since = since == null ? eventTime : since;
        audience = audience == null ? AlertAudience.OPERATIONS : audience;
        origin = origin == null ? AlertOrigin.LIVE : origin;
    }

    /** A live operations alert whose condition began at {@code eventTime}. */
    public AlertEvent(String alertId, int version, String rule, String indicatorId, String district, AlertKind kind,
                      Level level, Level previousLevel, double value, double threshold, Instant eventTime,
                      String message) {
        this(alertId, version, rule, indicatorId, district, kind, level, previousLevel, value, threshold, eventTime,
                message, eventTime, AlertAudience.OPERATIONS, AlertOrigin.LIVE);
    }

    /** Whether the live screens show this alert and count it in the alarm flood: only live ones. */
    public boolean pushedLive() {
        return origin == AlertOrigin.LIVE;
    }
}
