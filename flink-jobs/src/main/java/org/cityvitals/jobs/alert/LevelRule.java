package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.window.InstantReading;

import java.time.Instant;
import java.util.Optional;

/**
 * Static thresholds. The windowed rule opens an episode when a level has held for the indicator's for-duration,
 * counted from the end of the first window in which it held (on sliding windows too: a 1-hour window sliding by
 * 5 minutes with {@code for: 10m} opens on its third crossing window, not its first); it reports each level change
 * after the same wait and resolves when the value is back past the threshold by the hysteresis. An indicator with an
 * instant rule also judges single valid readings: one beyond a level opens or raises the episode at once, without
 * waiting for a window; the windowed rule, with its hysteresis, is the one that lowers and resolves it, so one cause
 * makes one episode and nothing flaps.
 */
public final class LevelRule {

    public static final String RULE = "level";

    private LevelRule() {}

    /** The rule's episode, and a level change that has not yet held long enough. */
    public static class State {
        public Episode episode = new Episode();
        /** Null when nothing is pending. */
        public Level pendingLevel;
        public long pendingSince;

        boolean idle() {
            return !episode.isOpen() && pendingLevel == null && episode.lastSince == Long.MIN_VALUE;
        }
    }

    static Optional<AlertEvent> apply(State s, IndicatorValue v, IndicatorDefinition d, Thresholds t, Origin origin) {
        Level current = s.episode.level;
        Level candidate = t.levelOf(v.value(), current, d.hysteresis());
        if (candidate == current) {
            s.pendingLevel = null;
            return Optional.empty();
        }
        long windowEnd = v.windowEnd().toEpochMilli();
        boolean sameDirection = s.pendingLevel != null
                && Integer.signum(s.pendingLevel.compareTo(current)) == Integer.signum(candidate.compareTo(current));
        if (!sameDirection) {
            s.pendingSince = windowEnd;
        }
        s.pendingLevel = candidate;
        if (windowEnd - s.pendingSince < d.forDuration().toMillis()) {
            return Optional.empty();
        }
        s.pendingLevel = null;
        double threshold = t.threshold(candidate == Level.NORMAL ? current : candidate);
        Judgement j = new Judgement(RULE, d, v.district(), v.value(), threshold, v.windowEnd(), origin);
        return Optional.of(transition(s, j, current, candidate, s.pendingSince));
    }

    /** An instant reading only ever opens or raises: lowering is the windowed rule's, with its hysteresis. */
    static Optional<AlertEvent> applyInstant(State s, InstantReading r, IndicatorDefinition d, Thresholds t,
                                             Origin origin) {
        Level current = s.episode.level;
        Level reached = t.levelOf(r.value());
        if (!reached.atLeast(current) || reached == current) {
            return Optional.empty();
        }
        s.pendingLevel = null;
        Judgement j = new Judgement(RULE, d, r.district(), r.value(), t.threshold(reached),
                Instant.ofEpochMilli(r.timestamp()), origin);
        return Optional.of(transition(s, j, current, reached, r.timestamp()));
    }

    private static AlertEvent transition(State s, Judgement j, Level current, Level to, long since) {
        if (current == Level.NORMAL) {
            return s.episode.open(j, to, since);
        }
        return to == Level.NORMAL ? s.episode.resolve(j) : s.episode.change(j, to);
    }
}
