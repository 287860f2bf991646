package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;

import java.time.Instant;

/**
 * The lifecycle of one rule's alert on one series: at most one open at a time, its id derived from the rule, the
 * series and the instant its condition began (so replays give the same ids), and a version that grows with every
 * transition. A POJO so Flink keeps it in state without Kryo.
 */
public class OpenAlert {

    /** Null while no alert is open. */
    public String alertId;
    public int version;
    public Level level = Level.NORMAL;

    public boolean isOpen() {
        return alertId != null;
    }

    /** What a transition is about: the series, the value that caused it and the threshold it was judged by. */
    public record Cause(String indicatorId, String district, double value, double threshold, Instant at,
                        String message) {}

    AlertEvent open(String rule, Level to, long since, Cause cause) {
        alertId = id(rule, cause.indicatorId(), cause.district(), since);
        version = 0;
        return transition(rule, AlertKind.OPENED, to, cause);
    }

    AlertEvent change(String rule, Level to, Cause cause) {
        return transition(rule, AlertKind.LEVEL_CHANGED, to, cause);
    }

    AlertEvent resolve(String rule, Cause cause) {
        AlertEvent event = transition(rule, AlertKind.RESOLVED, Level.NORMAL, cause);
        alertId = null;
        version = 0;
        return event;
    }

    private AlertEvent transition(String rule, AlertKind kind, Level to, Cause cause) {
        Level from = level;
        version++;
        level = to;
        return new AlertEvent(alertId, version, rule, cause.indicatorId(), cause.district(), kind, to, from,
                cause.value(), cause.threshold(), cause.at(), cause.message());
    }

    /** Deterministic: the same rule on the same series starting at the same instant always gets the same id. */
    public static String id(String rule, String indicatorId, String district, long sinceMillis) {
        return rule + ":" + indicatorId + ":" + district + ":" + Instant.ofEpochMilli(sinceMillis).getEpochSecond();
    }
}
