package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;

import java.time.Duration;
import java.time.Instant;

/**
 * Silence: a series that produced no window for {@link #silenceFor} while event time moved on (other series still
 * report) has lost its sensors or its feed. Raised at blue through an event-time timer; resolved by the next value.
 * After {@link #RETIRE_AFTER} of silence the series is considered gone and all its state is dropped.
 */
public final class NoDataRule {

    public static final String RULE = "no_data";
    static final Duration RETIRE_AFTER = Duration.ofHours(24);

    private NoDataRule() {}

    public static class State {
        public OpenAlert alert = new OpenAlert();
        /** End of the newest window seen. */
        public long lastWindowEnd = Long.MIN_VALUE;
        /** The registered silence timer, or Long.MIN_VALUE. */
        public long silenceTimer = Long.MIN_VALUE;
    }

    /** Five slides, and never less than five minutes: a single late window is not an outage. */
    static Duration silenceFor(IndicatorDefinition definition) {
        Duration fiveSlides = definition.window().slide().multipliedBy(5);
        return fiveSlides.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : fiveSlides;
    }

    static AlertEvent opened(State s, String indicatorId, String district, IndicatorDefinition definition,
                             long now) {
        return s.alert.open(RULE, Level.BLUE, s.lastWindowEnd, new OpenAlert.Cause(indicatorId, district, 0,
                silenceFor(definition).toMinutes(), Instant.ofEpochMilli(now),
                String.format("%s %s: no data since %s", definition.nameEn(), district,
                        Instant.ofEpochMilli(s.lastWindowEnd))));
    }

    static AlertEvent resolved(State s, String indicatorId, String district, double value, Instant at,
                               String why) {
        return s.alert.resolve(RULE, new OpenAlert.Cause(indicatorId, district, value, 0, at, why));
    }
}
