package org.cityvitals.jobs.alert;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.AlertRule;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.WhenSilent;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertIds;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.SeriesKey;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.InstantReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Every alert rule of one series (indicator, area), as its catalogue entry lists them: {@link LevelRule static levels}
 * (with its instant rule for single readings), {@link RateOfChangeRule sudden change}, {@link AnomalyRule unusual for
 * the time of week} and {@link NoDataRule silence}. Each rule keeps at most one open episode. Alerts follow the newest
 * window only: a late correction of the newest window is judged again by the level rule, older corrections update the
 * stored values but not alert history. A city-wide series whose value only repeats its worst district raises no alert
 * of its own (the district's alert is the actionable one), and city series never raise no-data (their districts do).
 * A series silent for a day is retired and leaves no state or timer behind; the end of a bounded input (the watermark
 * jumps to the end of time) is not silence. A backfill judges its inputs in event-time order ({@link EventTimeOrder})
 * and silence from the gaps between windows, without silence timers, so that a second run gives the same episodes.
 * A series whose indicator has left the catalogue drops its state. A person who resolves an alert by hand
 * ({@link ManualResolve}) closes its episode here too; the rule starts afresh, so a condition that still holds opens
 * a new episode after the rule's own wait (for-duration, strikes, silence).
 */
public final class AlertEngine extends KeyedCoProcessFunction<String, IndicatorValue, PointInput, AlertEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    private final CatalogueText catalogue;
    private final Origin origin;
    private transient ValueState<LevelRule.State> level;
    private transient ValueState<RateOfChangeRule.State> rate;
    private transient ValueState<AnomalyRule.State> anomaly;
    private transient ValueState<NoDataRule.State> noData;
    /** A backfill's inputs waiting for event time; null in a live job. */
    private transient EventTimeOrder order;

    /** @param origin whether this job is live or a backfill: carried by every alert it raises */
    public AlertEngine(CatalogueText catalogue, Origin origin) {
        this.catalogue = catalogue;
        this.origin = origin;
    }

    @Override
    public void open(OpenContext openContext) {
        level = getRuntimeContext().getState(new ValueStateDescriptor<>("level", LevelRule.State.class));
        rate = getRuntimeContext().getState(new ValueStateDescriptor<>("rate", RateOfChangeRule.State.class));
        anomaly = getRuntimeContext().getState(new ValueStateDescriptor<>("anomaly", AnomalyRule.State.class));
        noData = getRuntimeContext().getState(new ValueStateDescriptor<>("no-data", NoDataRule.State.class));
        order = bounded() ? new EventTimeOrder(getRuntimeContext()) : null;
    }

    /** What the catalogue lets one series do. */
    private record Series(IndicatorDefinition definition, String area, boolean cityWide, Thresholds thresholds,
                          boolean mirrorsWorstDistrict) {

        static Series of(IndicatorDefinition d, String area) {
            boolean city = CityProfiles.isCityCode(area);
            return new Series(d, area, city, d.thresholdsFor(area, city),
                    city && d.city().mirrorsWorstDistrict(d.aggregation()));
        }

        boolean runs(AlertRule rule) {
            boolean needsThresholds = rule != AlertRule.ANOMALY;
            return definition.runs(rule) && !mirrorsWorstDistrict && (!needsThresholds || thresholds != null);
        }

        boolean watchesSilence() {
            return definition.whenSilent() == WhenSilent.NO_DATA && !cityWide;
        }

        ZoneId zone() {
            return CityProfiles.ofArea(area).zone();
        }
    }

    @Override
    public void processElement1(IndicatorValue v, Context ctx, Collector<AlertEvent> out) throws Exception {
        if (order != null) {
            order.hold(v, ctx.timerService());
        } else {
            judgeValue(v, ctx, out);
        }
    }

    private void judgeValue(IndicatorValue v, Context ctx, Collector<AlertEvent> out) throws Exception {
        IndicatorDefinition d = catalogue.get().byId(v.indicatorId()).orElse(null);
        if (d == null) {
            retireUnknown(ctx.getCurrentKey());
            return;
        }
        Series series = Series.of(d, v.district());
        NoDataRule.State silence = orNew(noData.value(), NoDataRule.State::new);
        long windowEnd = v.windowEnd().toEpochMilli();
        if (windowEnd < silence.lastWindowEnd) {
            return;
        }
        // A late correction of the newest window: its level counts, but rate and anomaly already judged it once.
        boolean correction = windowEnd == silence.lastWindowEnd;
        if (series.watchesSilence() && bounded()) {
            judgeGap(silence, series, windowEnd, out);
        }
        silence.observe(windowEnd);
        if (series.watchesSilence() && !bounded()) {
            watchSilence(silence, series, v.windowEnd(), ctx, out);
        }
        noData.update(silence);

        if (series.runs(AlertRule.LEVEL)) {
            LevelRule.State levelState = orNew(level.value(), LevelRule.State::new);
            LevelRule.apply(levelState, v, d, series.thresholds(), origin).ifPresent(out::collect);
            updateOrClear(level, levelState, levelState.idle());
        }
        if (correction) {
            return;
        }
        if (series.runs(AlertRule.RATE_OF_CHANGE)) {
            RateOfChangeRule.State rateState = orNew(rate.value(), RateOfChangeRule.State::new);
            RateOfChangeRule.apply(rateState, v, d, series.thresholds(), origin).ifPresent(out::collect);
            rate.update(rateState);
        }
        if (series.runs(AlertRule.ANOMALY)) {
            AnomalyRule.State anomalyState = orNew(anomaly.value(), AnomalyRule.State::new);
            AnomalyRule.apply(anomalyState, v, d, series.zone(), origin).ifPresent(out::collect);
            anomaly.update(anomalyState);
        }
    }

    /** A single valid reading of an indicator with an instant rule, or a person's resolve. */
    @Override
    public void processElement2(PointInput in, Context ctx, Collector<AlertEvent> out) throws Exception {
        if (in.reading() != null && order != null) {
            order.hold(in.reading(), ctx.timerService());
        } else if (in.reading() != null) {
            judgeInstant(in.reading(), out);
        } else {
            resolveByHand(in.resolve(), ctx, out);
        }
    }

    private void judgeInstant(InstantReading r, Collector<AlertEvent> out) throws Exception {
        IndicatorDefinition d = catalogue.get().byId(r.indicatorId()).orElse(null);
        if (d == null || !d.instant()) {
            return;
        }
        NoDataRule.State silence = noData.value();
        if (silence != null && r.timestamp() < silence.lastWindowEnd) {
            return; // covered by a window already judged (and by its corrections)
        }
        Series series = Series.of(d, r.district());
        LevelRule.State levelState = orNew(level.value(), LevelRule.State::new);
        LevelRule.applyInstant(levelState, r, d, series.thresholds(), origin).ifPresent(out::collect);
        updateOrClear(level, levelState, levelState.idle());
    }

    /**
     * Closes the episode a person resolved, if it is still the open one (a retried or stale action finds it closed
     * or replaced, and changes nothing), and makes its rule wait afresh before it opens again.
     */
    private void resolveByHand(ManualResolve r, Context ctx, Collector<AlertEvent> out) throws Exception {
        IndicatorDefinition d = catalogue.get().byId(SeriesKey.indicatorOf(ctx.getCurrentKey())).orElse(null);
        if (d == null) {
            return;
        }
        String rule = AlertIds.ruleOf(r.alertId());
        Judgement j = Judgement.resolvedByHand(rule, d, SeriesKey.areaOf(ctx.getCurrentKey()),
                Instant.ofEpochMilli(r.actedAt()), origin, r.user());
        switch (rule) {
            case LevelRule.RULE -> {
                LevelRule.State s = level.value();
                if (s != null && closes(s.episode, r, j, out)) {
                    s.pendingLevel = null;
                    level.update(s);
                }
            }
            case RateOfChangeRule.RULE -> {
                RateOfChangeRule.State s = rate.value();
                if (s != null && closes(s.episode, r, j, out)) {
                    rate.update(s);
                }
            }
            case AnomalyRule.RULE -> {
                AnomalyRule.State s = anomaly.value();
                if (s != null && closes(s.episode, r, j, out)) {
                    s.strikes = 0;
                    anomaly.update(s);
                }
            }
            case NoDataRule.RULE -> {
                NoDataRule.State s = noData.value();
                if (s != null && closes(s.episode, r, j, out)) {
                    // still silent: raise it again once the series has been silent for its limit from now on
                    ctx.timerService().deleteEventTimeTimer(s.silenceTimer);
                    s.silenceTimer = Math.max(s.lastWindowEnd, ctx.timerService().currentWatermark())
                            + NoDataRule.silenceFor(s, d);
                    ctx.timerService().registerEventTimeTimer(s.silenceTimer);
                    noData.update(s);
                }
            }
            // a stalled feed's alarm is the stall detector's: the feed's next reading resolves it
            default -> LOG.info("{} was resolved by hand; its rule is not kept by the alert engine", r.alertId());
        }
    }

    private static boolean closes(Episode episode, ManualResolve r, Judgement j, Collector<AlertEvent> out) {
        if (!r.alertId().equals(episode.alertId)) {
            return false;
        }
        out.collect(episode.resolve(j));
        return true;
    }

    /**
     * A backfill's input is bounded: whether a timer fires before the next window arrives depends on how coarsely
     * event time advanced, which depends on the machine's speed, not on the data. So a backfill judges silence from
     * the gap between consecutive windows of the series alone — the episode a live job would have raised, opened when
     * the silence reached its limit and resolved by the window that ended it. A series' silence at its end is not
     * judged: nothing in a bounded input tells it from the input's end.
     */
    private void judgeGap(NoDataRule.State silence, Series series, long windowEnd, Collector<AlertEvent> out) {
        if (silence.lastWindowEnd == Long.MIN_VALUE) {
            return;
        }
        long limit = NoDataRule.silenceFor(silence, series.definition());
        if (windowEnd - silence.lastWindowEnd > limit) {
            out.collect(NoDataRule.opened(silence, series.definition(), series.area(), silence.lastWindowEnd + limit,
                    origin));
            out.collect(NoDataRule.resolved(silence, series.definition(), series.area(),
                    Instant.ofEpochMilli(windowEnd), origin));
        }
    }

    private boolean bounded() {
        return origin.bounded();
    }

    private void watchSilence(NoDataRule.State silence, Series series, Instant at, Context ctx,
                              Collector<AlertEvent> out) {
        if (silence.episode.isOpen()) {
            out.collect(NoDataRule.resolved(silence, series.definition(), series.area(), at, origin));
        }
        if (silence.silenceTimer != Long.MIN_VALUE) {
            ctx.timerService().deleteEventTimeTimer(silence.silenceTimer);
        }
        silence.silenceTimer = silence.lastWindowEnd + NoDataRule.silenceFor(silence, series.definition());
        ctx.timerService().registerEventTimeTimer(silence.silenceTimer);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        if (order != null) {
            order.release(timestamp, new EventTimeOrder.Judge() {
                @Override
                public void value(IndicatorValue v) throws Exception {
                    judgeValue(v, ctx, out);
                }

                @Override
                public void reading(InstantReading r) throws Exception {
                    judgeInstant(r, out);
                }
            });
            return;
        }
        NoDataRule.State silence = noData.value();
        if (silence == null || timestamp != silence.silenceTimer
                || ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the end of a bounded input is not silence
        }
        IndicatorDefinition d = catalogue.get().byId(SeriesKey.indicatorOf(ctx.getCurrentKey())).orElse(null);
        if (d == null) {
            retireUnknown(ctx.getCurrentKey());
            return;
        }
        String area = SeriesKey.areaOf(ctx.getCurrentKey());
        if (!silence.episode.isOpen()) {
            out.collect(NoDataRule.opened(silence, d, area, timestamp, origin));
            silence.silenceTimer = silence.lastWindowEnd + NoDataRule.RETIRE_AFTER.toMillis();
            ctx.timerService().registerEventTimeTimer(silence.silenceTimer);
            noData.update(silence);
            return;
        }
        retire(d, area, timestamp, out);
    }

    /** Silent for a day: close whatever is open and forget the series. */
    private void retire(IndicatorDefinition d, String area, long now, Collector<AlertEvent> out) throws Exception {
        Instant at = Instant.ofEpochMilli(now);
        for (Episode episode : new Episode[] {
                noData.value().episode,
                level.value() == null ? null : level.value().episode,
                rate.value() == null ? null : rate.value().episode,
                anomaly.value() == null ? null : anomaly.value().episode}) {
            if (episode != null && episode.isOpen()) {
                out.collect(episode.resolve(new Judgement(AlertIds.ruleOf(episode.alertId), d, area, 0, 0, at, origin)));
            }
        }
        clearAll();
    }

    private void retireUnknown(String key) throws IOException {
        if (level.value() != null || rate.value() != null || anomaly.value() != null || noData.value() != null) {
            LOG.info("series {} is no longer in the catalogue: its alert state is dropped", key);
        }
        clearAll();
    }

    private void clearAll() {
        level.clear();
        rate.clear();
        anomaly.clear();
        noData.clear();
    }

    private static <T> void updateOrClear(ValueState<T> state, T value, boolean idle) throws IOException {
        if (idle) {
            state.clear();
        } else {
            state.update(value);
        }
    }

    private static <T> T orNew(T value, Supplier<T> create) {
        return value != null ? value : create.get();
    }

    /** The key both inputs of this function are keyed by. */
    public static String keyOf(IndicatorValue v) {
        return SeriesKey.of(v.indicatorId(), v.district());
    }
}
