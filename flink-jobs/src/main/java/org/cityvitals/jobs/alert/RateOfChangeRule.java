package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.util.List;
import java.util.Optional;

/**
 * Sudden worsening: between two consecutive windows the value moves the wrong way by at least one level band (the
 * distance between the first two thresholds, scaled by slide/size for sliding windows) — a burst main or a fire
 * seen before any threshold is crossed. Raised at yellow; resolved once the next change is under half a band.
 */
public final class RateOfChangeRule {

    public static final String RULE = "rate_of_change";

    private RateOfChangeRule() {}

    public static class State {
        public OpenAlert alert = new OpenAlert();
        public boolean hasPrevious;
        public double previous;
    }

    static Optional<AlertEvent> apply(State s, IndicatorValue v, IndicatorDefinition definition) {
        boolean hadPrevious = s.hasPrevious;
        double previous = s.previous;
        s.hasPrevious = true;
        s.previous = v.value();
        Thresholds t = definition.thresholdsFor(v.district());
        List<Level> levels = t.levelsInUse();
        if (!hadPrevious || levels.size() < 2) {
            return Optional.empty();
        }
        double band = Math.abs(t.threshold(levels.get(1)) - t.threshold(levels.get(0)))
                * definition.window().slide().toMillis() / definition.window().size().toMillis();
        double worsening = (v.value() - previous) * (t.direction() == Direction.HIGHER_IS_WORSE ? 1 : -1);
        OpenAlert.Cause cause = new OpenAlert.Cause(v.indicatorId(), v.district(), v.value(), band, v.windowEnd(),
                String.format("%s %s: changed by %s %s in one window (limit %s)", definition.nameEn(), v.district(),
                        Numbers.format(v.value() - previous), definition.unit(), Numbers.format(band)));
        if (!s.alert.isOpen() && worsening >= band) {
            return Optional.of(s.alert.open(RULE, Level.YELLOW, v.windowStart().toEpochMilli(), cause));
        }
        if (s.alert.isOpen() && worsening < band / 2) {
            return Optional.of(s.alert.resolve(RULE, cause));
        }
        return Optional.empty();
    }
}
