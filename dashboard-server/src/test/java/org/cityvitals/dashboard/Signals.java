package org.cityvitals.dashboard;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Signals as the flink job would emit them, for the current minute. */
final class Signals {

    private Signals() {}

    static IndicatorValue value(String indicatorId, String district, double value, Level level) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return new IndicatorValue(indicatorId, district, start, start.plusSeconds(60), value, 12, level, 1);
    }

    static HealthScoreValue health(String district, double score, Level worstLevel) {
        return new HealthScoreValue(district, Instant.now().truncatedTo(ChronoUnit.MINUTES), score, worstLevel, 1);
    }

    static AlertEvent opened(String alertId, String district, Level level, double value) {
        return opened("level", "air.pm25", alertId, district, level, value);
    }

    static AlertEvent opened(String rule, String indicatorId, String alertId, String district, Level level,
                             double value) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new AlertEvent(alertId, 1, rule, indicatorId, district, AlertKind.OPENED, level, Level.NORMAL,
                value, 150, now, now, AlertAudience.OPERATIONS, Origin.LIVE, "PM2.5 " + value + " µg/m³ above threshold");
    }
}
