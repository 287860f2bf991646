package org.cityvitals.indicators.signal;

import org.cityvitals.indicators.level.Level;

import java.time.Instant;

/**
 * One transition of an alert: opened, level changed or resolved.
 *
 * <p>An alert is identified by {@code alertId}, deterministic from its rule, indicator, district and opening time, so
 * a replay produces the same ids; {@code version} increases with every transition of that alert.
 */
public record AlertEvent(String alertId, int version, String rule, String indicatorId, String district,
                         AlertKind kind, Level level, Level previousLevel, double value, double threshold,
                         Instant eventTime, String message) {
}
