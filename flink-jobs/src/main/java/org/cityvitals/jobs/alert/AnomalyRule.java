package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Unusual for the time of week, even when inside static limits: a learned mean and deviation per hour of the week
 * (in the city's time zone, Welford's running algorithm). A bucket needs {@link #WARM_UP} values before it judges.
 * Three consecutive windows at least {@link #OPEN_Z} deviations on the worse side open a blue alert; a value back
 * within {@link #CLOSE_Z} resolves it. Anomalous values are not learned, so an episode does not become normal.
 */
public final class AnomalyRule {

    public static final String RULE = "anomaly";
    static final int WARM_UP = 30;
    static final double OPEN_Z = 4;
    static final double CLOSE_Z = 2;
    static final int STRIKES_TO_OPEN = 3;
    private static final int HOURS_PER_WEEK = 168;

    private AnomalyRule() {}

    /** The learned baseline and the alert. Arrays are indexed by hour of week, Monday 00:00 = 0. */
    public static class State {
        public OpenAlert alert = new OpenAlert();
        public int[] count = new int[HOURS_PER_WEEK];
        public double[] mean = new double[HOURS_PER_WEEK];
        public double[] m2 = new double[HOURS_PER_WEEK];
        public int strikes;
        public long firstStrike;
    }

    static Optional<AlertEvent> apply(State s, IndicatorValue v, IndicatorDefinition definition, ZoneId zone) {
        int h = hourOfWeek(v.windowStart().atZone(zone));
        if (s.count[h] < WARM_UP) {
            learn(s, h, v.value());
            return Optional.empty();
        }
        double sd = Math.sqrt(s.m2[h] / (s.count[h] - 1));
        // A nearly constant signal must not make every wobble an anomaly.
        double scale = Math.max(sd, Math.max(1e-9, 0.01 * Math.abs(s.mean[h])));
        double z = (v.value() - s.mean[h]) / scale;
        double worseZ = definition.direction() == Direction.HIGHER_IS_WORSE ? z : -z;
        OpenAlert.Cause cause = new OpenAlert.Cause(v.indicatorId(), v.district(), v.value(), s.mean[h],
                v.windowEnd(), String.format("%s %s: %s %s where %s ± %s is usual at this hour of the week",
                definition.nameEn(), v.district(), Numbers.format(v.value()), definition.unit(),
                Numbers.format(s.mean[h]), Numbers.format(sd)));
        if (worseZ >= OPEN_Z) {
            if (s.strikes++ == 0) {
                s.firstStrike = v.windowStart().toEpochMilli();
            }
            if (!s.alert.isOpen() && s.strikes >= STRIKES_TO_OPEN) {
                return Optional.of(s.alert.open(RULE, Level.BLUE, s.firstStrike, cause));
            }
            return Optional.empty();
        }
        s.strikes = 0;
        learn(s, h, v.value());
        if (s.alert.isOpen() && Math.abs(z) < CLOSE_Z) {
            return Optional.of(s.alert.resolve(RULE, cause));
        }
        return Optional.empty();
    }

    private static void learn(State s, int h, double x) {
        s.count[h]++;
        double delta = x - s.mean[h];
        s.mean[h] += delta / s.count[h];
        s.m2[h] += delta * (x - s.mean[h]);
    }

    static int hourOfWeek(ZonedDateTime t) {
        return (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + t.getHour();
    }
}
