package org.cityvitals.jobs.alert;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;

import java.time.Instant;

/**
 * The level rule, keyed by (indicator, district): opens an alert when an indicator's level has held for its
 * for-duration, reports each level change, and resolves it when the value falls back past the threshold minus the
 * hysteresis. Hysteresis and for-duration together stop a signal hovering at a threshold from flapping.
 *
 * <p>One open alert per (rule, indicator, district); its id is derived from the key and the time the level was first
 * reached, so a replay of the same data yields the same ids. Every transition is emitted with the next version.
 * State is cleared as soon as the series is back to normal with nothing pending.
 */
public final class LevelAlertFunction extends KeyedProcessFunction<String, IndicatorValue, AlertEvent> {

    private static final long serialVersionUID = 1L;
    public static final String RULE = "level";

    private final CatalogueText catalogue;
    private transient ValueState<AlertState> state;

    public LevelAlertFunction(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("level-alert", AlertState.class));
    }

    @Override
    public void processElement(IndicatorValue v, Context ctx, Collector<AlertEvent> out) throws Exception {
        AlertState s = state.value() == null ? new AlertState() : state.value();
        long windowEnd = v.windowEnd().toEpochMilli();
        if (windowEnd < s.lastWindowEnd) {
            return; // a late correction of an older window: alerts follow the newest window only
        }
        s.lastWindowEnd = windowEnd;

        IndicatorDefinition definition = catalogue.get().byId(v.indicatorId()).orElseThrow();
        Thresholds thresholds = definition.thresholdsFor(v.district());
        Level candidate = thresholds.levelOf(v.value(), s.level, definition.hysteresis());

        if (candidate == s.level) {
            s.pendingLevel = null;
        } else {
            boolean sameDirection = s.pendingLevel != null
                    && Integer.signum(s.pendingLevel.compareTo(s.level)) == Integer.signum(candidate.compareTo(s.level));
            if (!sameDirection) {
                s.pendingSince = v.windowStart().toEpochMilli();
            }
            s.pendingLevel = candidate;
            if (windowEnd - s.pendingSince >= definition.forDuration().toMillis()) {
                out.collect(transition(s, candidate, v, thresholds, definition));
            }
        }
        if (s.idle()) {
            state.clear();
        } else {
            state.update(s);
        }
    }

    private static AlertEvent transition(AlertState s, Level to, IndicatorValue v, Thresholds thresholds,
                                         IndicatorDefinition definition) {
        Level from = s.level;
        AlertKind kind;
        if (from == Level.NORMAL) {
            kind = AlertKind.OPENED;
            s.alertId = alertId(v.indicatorId(), v.district(), s.pendingSince);
            s.version = 1;
        } else {
            kind = to == Level.NORMAL ? AlertKind.RESOLVED : AlertKind.LEVEL_CHANGED;
            s.version++;
        }
        String id = s.alertId;
        int version = s.version;
        double threshold = thresholds.threshold(to == Level.NORMAL ? from : to);
        String message = String.format("%s %s: %s %s %s → %s (threshold %s)", definition.nameEn(), v.district(),
                format(v.value()), definition.unit(), from, to, format(threshold));
        s.level = to;
        s.pendingLevel = null;
        if (to == Level.NORMAL) {
            s.alertId = null;
            s.version = 0;
        }
        return new AlertEvent(id, version, RULE, v.indicatorId(), v.district(), kind, to, from, v.value(), threshold,
                v.windowEnd(), message);
    }

    /** Deterministic: the same series reaching a level at the same instant always gets the same id. */
    static String alertId(String indicatorId, String district, long since) {
        return RULE + ":" + indicatorId + ":" + district + ":" + Instant.ofEpochMilli(since).getEpochSecond();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format("%.1f", value);
    }
}
