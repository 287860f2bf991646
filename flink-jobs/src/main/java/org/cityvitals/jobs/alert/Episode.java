package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;

import java.time.Instant;

/**
 * The episodes of one rule on one series: at most one open at a time. An episode's id comes from the rule, the series
 * and the instant its condition began, so a replay gives the same ids; when an episode opens with the same start as the
 * one before it (a late correction resolved it and another opens it again), the new id gets a suffix, so no episode
 * ever hides another. Versions grow with every transition of an episode; the state lives in Flink state, so they keep
 * growing across a restore. A POJO so Flink keeps it in state without Kryo.
 */
public class Episode {

    /** Null while no episode is open. */
    public String alertId;
    public int version;
    public Level level = Level.NORMAL;
    public long since;
    /** Start and repeat count of the last episode opened, to keep ids unique. */
    public long lastSince = Long.MIN_VALUE;
    public int repeats;

    public boolean isOpen() {
        return alertId != null;
    }

    AlertEvent open(Judgement judgement, Level to, long sinceMillis) {
        String base = judgement.rule() + ":" + judgement.indicatorId() + ":" + judgement.area() + ":"
                + Instant.ofEpochMilli(sinceMillis).getEpochSecond();
        repeats = sinceMillis == lastSince ? repeats + 1 : 0;
        lastSince = sinceMillis;
        alertId = repeats == 0 ? base : base + "." + (repeats + 1);
        since = sinceMillis;
        version = 0;
        return transition(judgement, AlertKind.OPENED, to);
    }

    AlertEvent change(Judgement judgement, Level to) {
        return transition(judgement, AlertKind.LEVEL_CHANGED, to);
    }

    AlertEvent resolve(Judgement judgement) {
        AlertEvent event = transition(judgement, AlertKind.RESOLVED, Level.NORMAL);
        alertId = null;
        return event;
    }

    private AlertEvent transition(Judgement j, AlertKind kind, Level to) {
        Level from = level;
        version++;
        level = to;
        return new AlertEvent(alertId, version, j.rule(), j.indicatorId(), j.area(), kind, to, from, j.value(),
                j.threshold(), Instant.ofEpochMilli(since), j.at(), j.audience(), j.origin(), j.message(kind, from, to));
    }
}
