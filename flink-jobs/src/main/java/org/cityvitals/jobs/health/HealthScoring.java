package org.cityvitals.jobs.health;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.health.HealthScore;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The health score of one district (or the city) for every minute of event time, from each indicator's level as of
 * that minute. Values wait in {@code pending} until the minute they belong to is scored, so the score of a minute is
 * the same whether the stream arrives live or all at once in a replay. A level older than two of its windows no
 * longer counts (a silent indicator is the no-data rule's business, not a reason to keep a stale red); with no level
 * left and none pending the series stops its timer and forgets. At the end of a bounded input it scores up to the
 * last window it saw, not beyond.
 */
public final class HealthScoring extends KeyedProcessFunction<String, IndicatorValue, HealthScoreValue> {

    private static final long serialVersionUID = 1L;
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final CatalogueText catalogue;
    private transient MapState<String, LevelAt> levels;
    private transient MapState<String, LevelAt> pending;
    private transient ValueState<Long> lastWindowEnd;
    private transient ValueState<Long> nextScore;

    public HealthScoring(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void open(OpenContext openContext) {
        levels = getRuntimeContext().getMapState(new MapStateDescriptor<>("levels", String.class, LevelAt.class));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", String.class, LevelAt.class));
        lastWindowEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Long.class));
        nextScore = getRuntimeContext().getState(new ValueStateDescriptor<>("next", Long.class));
    }

    @Override
    public void processElement(IndicatorValue v, Context ctx, Collector<HealthScoreValue> out) throws Exception {
        long end = v.windowEnd().toEpochMilli();
        // A later version of the same window replaces the earlier one.
        pending.put(v.indicatorId() + "@" + end, new LevelAt(v.indicatorId(), v.level(), end));
        if (lastWindowEnd.value() == null || end > lastWindowEnd.value()) {
            lastWindowEnd.update(end);
        }
        // Scoring starts at the minute of the earliest window, whichever value happens to arrive first.
        long minute = Math.floorDiv(end + MINUTE - 1, MINUTE) * MINUTE;
        Long next = nextScore.value();
        if (next == null || minute < next) {
            if (next != null) {
                ctx.timerService().deleteEventTimeTimer(next);
            }
            nextScore.update(minute);
            ctx.timerService().registerEventTimeTimer(minute);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HealthScoreValue> out) throws Exception {
        applyPendingUpTo(timestamp);
        Map<IndicatorDefinition, Level> current = currentLevels(timestamp);
        if (!current.isEmpty()) {
            Level worst = current.values().stream().max(Enum::compareTo).orElse(Level.NORMAL);
            out.collect(new HealthScoreValue(ctx.getCurrentKey(), Instant.ofEpochMilli(timestamp - MINUTE),
                    HealthScore.score(current), worst, 1));
        }
        boolean inputEnded = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        boolean nothingLeft = levels.isEmpty() && pending.isEmpty();
        if (nothingLeft || (inputEnded && timestamp >= lastWindowEnd.value())) {
            levels.clear();
            pending.clear();
            lastWindowEnd.clear();
            nextScore.clear();
            return;
        }
        nextScore.update(timestamp + MINUTE);
        ctx.timerService().registerEventTimeTimer(timestamp + MINUTE);
    }

    private void applyPendingUpTo(long timestamp) throws Exception {
        List<String> applied = new ArrayList<>();
        for (Map.Entry<String, LevelAt> e : pending.entries()) {
            LevelAt update = e.getValue();
            if (update.windowEnd <= timestamp) {
                LevelAt known = levels.get(update.indicatorId);
                if (known == null || update.windowEnd >= known.windowEnd) {
                    levels.put(update.indicatorId, update);
                }
                applied.add(e.getKey());
            }
        }
        for (String key : applied) {
            pending.remove(key);
        }
    }

    /** Levels still fresh at {@code timestamp}; stale ones are dropped from state. */
    private Map<IndicatorDefinition, Level> currentLevels(long timestamp) throws Exception {
        Map<IndicatorDefinition, Level> current = new HashMap<>();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, LevelAt> e : levels.entries()) {
            IndicatorDefinition d = catalogue.get().byId(e.getKey()).orElseThrow();
            if (timestamp - e.getValue().windowEnd > 2 * d.window().size().toMillis()) {
                stale.add(e.getKey());
            } else {
                current.put(d, e.getValue().level);
            }
        }
        for (String id : stale) {
            levels.remove(id);
        }
        return current;
    }
}
