package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.Origin;

import java.time.Instant;

/** Alert transitions and actions as the job and the dashboard write them, for the situation tests. */
final class Alerts {

    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");

    private Alerts() {}

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** An episode of the level rule on {@code indicator} in {@code district}, its condition begun at minute {@code since}. */
    static AlertEvent opened(String indicator, String district, Level level, int since) {
        return event(id(indicator, "level", district, since), 1, "level", indicator, district, AlertKind.OPENED, level,
                since, since, Origin.LIVE);
    }

    static AlertEvent openedByRule(String rule, String indicator, String district, Level level, int since) {
        return event(id(indicator, rule, district, since), 1, rule, indicator, district, AlertKind.OPENED, level,
                since, since, Origin.LIVE);
    }

    static AlertEvent raised(AlertEvent opened, Level level, int minute) {
        return event(opened.alertId(), opened.version() + 1, opened.rule(), opened.indicatorId(), opened.district(),
                AlertKind.LEVEL_CHANGED, level, minutes(opened.since()), minute, opened.origin());
    }

    static AlertEvent resolved(AlertEvent last, int minute) {
        return event(last.alertId(), last.version() + 1, last.rule(), last.indicatorId(), last.district(),
                AlertKind.RESOLVED, Level.NORMAL, minutes(last.since()), minute, last.origin());
    }

    static AlertEvent backfilled(String indicator, String district, Level level, int since) {
        return event(id(indicator, "level", district, since), 1, "level", indicator, district, AlertKind.OPENED,
                level, since, since, Origin.BACKFILL);
    }

    static AlertAction action(String situationId, String district, AlertActionKind kind, String user, String note,
                              int minute) {
        return new AlertAction(situationId + "/" + user + "/" + kind + "/" + minute, situationId, district, kind,
                user, kind == AlertActionKind.ESCALATE ? "someone" : null, null, note, at(minute));
    }

    /** A person's resolution of a situation, with the cause they chose. */
    static AlertAction resolution(String situationId, String district, String user, String cause, String note,
                                  int minute) {
        return new AlertAction(situationId + "/" + user + "/RESOLVE/" + minute, situationId, district,
                AlertActionKind.RESOLVE, user, null, null, note, at(minute), cause);
    }

    private static String id(String indicator, String rule, String district, int since) {
        return rule + ":" + indicator + ":" + district + ":" + at(since).getEpochSecond();
    }

    private static int minutes(Instant t) {
        return (int) ((t.getEpochSecond() - T0.getEpochSecond()) / 60);
    }

    private static AlertEvent event(String id, int version, String rule, String indicator, String district,
                                    AlertKind kind, Level level, int since, int minute, Origin origin) {
        return new AlertEvent(id, version, rule, indicator, district, kind, level, Level.NORMAL, 0, 0, at(since),
                at(minute), AlertAudience.OPERATIONS, origin, indicator + " " + kind);
    }
}
