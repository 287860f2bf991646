package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;

import java.util.Optional;

/**
 * Static thresholds: opens when a level has held for the indicator's for-duration, reports each level change, and
 * resolves when the value falls back past the threshold minus the hysteresis. Hysteresis and for-duration together
 * keep a signal hovering at a threshold from flapping.
 */
public final class LevelRule {

    public static final String RULE = "level";

    private LevelRule() {}

    /** What the rule remembers besides its alert: a level change that has not yet held long enough. */
    public static class State {
        public OpenAlert alert = new OpenAlert();
        /** Null when nothing is pending. */
        public Level pendingLevel;
        public long pendingSince;

        boolean idle() {
            return !alert.isOpen() && pendingLevel == null;
        }
    }

    static Optional<AlertEvent> apply(State s, IndicatorValue v, IndicatorDefinition definition) {
        Thresholds thresholds = definition.thresholdsFor(v.district());
        Level current = s.alert.level;
        Level candidate = thresholds.levelOf(v.value(), current, definition.hysteresis());
        if (candidate == current) {
            s.pendingLevel = null;
            return Optional.empty();
        }
        boolean sameDirection = s.pendingLevel != null
                && Integer.signum(s.pendingLevel.compareTo(current)) == Integer.signum(candidate.compareTo(current));
        if (!sameDirection) {
            s.pendingSince = v.windowStart().toEpochMilli();
        }
        s.pendingLevel = candidate;
        if (v.windowEnd().toEpochMilli() - s.pendingSince < definition.forDuration().toMillis()) {
            return Optional.empty();
        }
        s.pendingLevel = null;
        double threshold = thresholds.threshold(candidate == Level.NORMAL ? current : candidate);
        OpenAlert.Cause cause = new OpenAlert.Cause(v.indicatorId(), v.district(), v.value(), threshold,
                v.windowEnd(), String.format("%s %s: %s %s, %s → %s (threshold %s)", definition.nameEn(),
                v.district(), Numbers.format(v.value()), definition.unit(), current, candidate,
                Numbers.format(threshold)));
        if (current == Level.NORMAL) {
            return Optional.of(s.alert.open(RULE, candidate, s.pendingSince, cause));
        }
        if (candidate == Level.NORMAL) {
            return Optional.of(s.alert.resolve(RULE, cause));
        }
        return Optional.of(s.alert.change(RULE, candidate, cause));
    }
}
