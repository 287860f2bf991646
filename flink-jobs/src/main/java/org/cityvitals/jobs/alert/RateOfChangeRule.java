package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;

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
        public Episode episode = new Episode();
        public boolean hasPrevious;
        public double previous;
    }

    static Optional<AlertEvent> apply(State s, IndicatorValue v, IndicatorDefinition d, Thresholds t, Origin origin) {
        boolean hadPrevious = s.hasPrevious;
        double previous = s.previous;
        s.hasPrevious = true;
        s.previous = v.value();
        List<Level> levels = t.levelsInUse();
        if (!hadPrevious || levels.size() < 2) {
            return Optional.empty();
        }
        double band = Math.abs(t.threshold(levels.get(1)) - t.threshold(levels.get(0)))
                * d.window().slide().toMillis() / d.window().size().toMillis();
        double change = v.value() - previous;
        double worsening = change * (t.direction() == Direction.HIGHER_IS_WORSE ? 1 : -1);
        Judgement j = new Judgement(RULE, d, v.district(), change, band, v.windowEnd(), origin);
        if (!s.episode.isOpen() && worsening >= band) {
            return Optional.of(s.episode.open(j, Level.YELLOW, v.windowEnd().toEpochMilli()));
        }
        if (s.episode.isOpen() && worsening < band / 2) {
            return Optional.of(s.episode.resolve(j));
        }
        return Optional.empty();
    }
}
