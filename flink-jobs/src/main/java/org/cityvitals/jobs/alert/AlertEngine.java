package org.cityvitals.jobs.alert;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.Sample;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Every alert rule for one series, keyed by (indicator, district): {@link LevelRule static levels},
 * {@link RateOfChangeRule sudden change}, {@link AnomalyRule unusual for the hour of the week} and
 * {@link NoDataRule silence}. Each rule keeps at most one open alert with a deterministic id and emits every
 * transition with the next version. Alerts follow the newest window only: a late correction of an older window
 * updates the stored value but does not rewrite alert history. A series silent for a day is retired and leaves
 * no state or timer behind. The end of a bounded input (the watermark jumps to the end of time) is not silence.
 */
public final class AlertEngine extends KeyedProcessFunction<String, IndicatorValue, AlertEvent> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;
    private final String zone;
    private transient ValueState<LevelRule.State> level;
    private transient ValueState<RateOfChangeRule.State> rate;
    private transient ValueState<AnomalyRule.State> anomaly;
    private transient ValueState<NoDataRule.State> noData;
    private transient ZoneId zoneId;

    /** @param zone the city's time zone, for the anomaly rule's hour of the week */
    public AlertEngine(CatalogueText catalogue, ZoneId zone) {
        this.catalogue = catalogue;
        this.zone = zone.getId();
    }

    @Override
    public void open(OpenContext openContext) {
        level = getRuntimeContext().getState(new ValueStateDescriptor<>("level", LevelRule.State.class));
        rate = getRuntimeContext().getState(new ValueStateDescriptor<>("rate", RateOfChangeRule.State.class));
        anomaly = getRuntimeContext().getState(new ValueStateDescriptor<>("anomaly", AnomalyRule.State.class));
        noData = getRuntimeContext().getState(new ValueStateDescriptor<>("no-data", NoDataRule.State.class));
        zoneId = ZoneId.of(zone);
    }

    @Override
    public void processElement(IndicatorValue v, Context ctx, Collector<AlertEvent> out) throws Exception {
        NoDataRule.State silence = orNew(noData.value(), NoDataRule.State::new);
        long windowEnd = v.windowEnd().toEpochMilli();
        if (windowEnd < silence.lastWindowEnd) {
            return;
        }
        // A late correction of the newest window: its level counts, but rate and anomaly already judged it once.
        boolean correction = windowEnd == silence.lastWindowEnd;
        IndicatorDefinition definition = catalogue.get().byId(v.indicatorId()).orElseThrow();
        silence.lastWindowEnd = windowEnd;
        if (silence.alert.isOpen()) {
            out.collect(NoDataRule.resolved(silence, v.indicatorId(), v.district(), v.value(), v.windowEnd(),
                    definition.nameEn() + " " + v.district() + ": data again"));
        }
        if (silence.silenceTimer != Long.MIN_VALUE) {
            ctx.timerService().deleteEventTimeTimer(silence.silenceTimer);
        }
        silence.silenceTimer = windowEnd + NoDataRule.silenceFor(definition).toMillis();
        ctx.timerService().registerEventTimeTimer(silence.silenceTimer);
        noData.update(silence);

        LevelRule.State levelState = orNew(level.value(), LevelRule.State::new);
        emit(LevelRule.apply(levelState, v, definition), out);
        if (levelState.idle()) {
            level.clear();
        } else {
            level.update(levelState);
        }

        if (correction) {
            return;
        }
        RateOfChangeRule.State rateState = orNew(rate.value(), RateOfChangeRule.State::new);
        emit(RateOfChangeRule.apply(rateState, v, definition), out);
        rate.update(rateState);

        AnomalyRule.State anomalyState = orNew(anomaly.value(), AnomalyRule.State::new);
        emit(AnomalyRule.apply(anomalyState, v, definition, zoneId), out);
        anomaly.update(anomalyState);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        NoDataRule.State silence = noData.value();
        if (silence == null || timestamp != silence.silenceTimer
                || ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the end of a bounded input is not silence
        }
        String indicatorId = Sample.indicatorOf(ctx.getCurrentKey());
        String district = Sample.districtOf(ctx.getCurrentKey());
        if (!silence.alert.isOpen()) {
            IndicatorDefinition definition = catalogue.get().byId(indicatorId).orElseThrow();
            out.collect(NoDataRule.opened(silence, indicatorId, district, definition, timestamp));
            silence.silenceTimer = silence.lastWindowEnd + NoDataRule.RETIRE_AFTER.toMillis();
            ctx.timerService().registerEventTimeTimer(silence.silenceTimer);
            noData.update(silence);
            return;
        }
        retire(indicatorId, district, timestamp, out);
    }

    /** Silent for a day: close whatever is open and forget the series. */
    private void retire(String indicatorId, String district, long now, Collector<AlertEvent> out) throws Exception {
        Instant at = Instant.ofEpochMilli(now);
        String why = indicatorId + " " + district + ": series retired after " + NoDataRule.RETIRE_AFTER.toHours()
                + " h without data";
        out.collect(noData.value().alert.resolve(NoDataRule.RULE,
                new OpenAlert.Cause(indicatorId, district, 0, 0, at, why)));
        for (OpenAlert alert : new OpenAlert[] {
                level.value() == null ? null : level.value().alert,
                rate.value() == null ? null : rate.value().alert,
                anomaly.value() == null ? null : anomaly.value().alert}) {
            if (alert != null && alert.isOpen()) {
                String rule = alert.alertId.substring(0, alert.alertId.indexOf(':'));
                out.collect(alert.resolve(rule, new OpenAlert.Cause(indicatorId, district, 0, 0, at, why)));
            }
        }
        level.clear();
        rate.clear();
        anomaly.clear();
        noData.clear();
    }

    private static void emit(Optional<AlertEvent> event, Collector<AlertEvent> out) {
        event.ifPresent(out::collect);
    }

    private static <T> T orNew(T value, java.util.function.Supplier<T> create) {
        return value != null ? value : create.get();
    }

    /** The key this function is used with. */
    public static String keyOf(IndicatorValue v) {
        return Sample.seriesKey(v.indicatorId(), v.district());
    }
}
