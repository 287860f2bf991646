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
 * The health score of one district (or the city), every minute of event time, from the newest level of each of its
 * indicators. A level older than two of its windows no longer counts: a silent indicator is the no-data rule's
 * business, not a reason to keep a stale red in the score. With no level left, the series stops and forgets.
 */
public final class HealthScoring extends KeyedProcessFunction<String, IndicatorValue, HealthScoreValue> {

    private static final long serialVersionUID = 1L;
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final CatalogueText catalogue;
    private transient MapState<String, LevelAt> levels;
    private transient ValueState<Long> nextScore;

    public HealthScoring(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void open(OpenContext openContext) {
        levels = getRuntimeContext().getMapState(new MapStateDescriptor<>("levels", String.class, LevelAt.class));
        nextScore = getRuntimeContext().getState(new ValueStateDescriptor<>("next", Long.class));
    }

    @Override
    public void processElement(IndicatorValue v, Context ctx, Collector<HealthScoreValue> out) throws Exception {
        long end = v.windowEnd().toEpochMilli();
        LevelAt known = levels.get(v.indicatorId());
        if (known == null || end >= known.windowEnd) {
            levels.put(v.indicatorId(), new LevelAt(v.level(), end));
        }
        if (nextScore.value() == null) {
            long next = Math.floorDiv(end + MINUTE - 1, MINUTE) * MINUTE;
            nextScore.update(next);
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HealthScoreValue> out) throws Exception {
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
        if (current.isEmpty()) {
            levels.clear();
            nextScore.clear();
            return;
        }
        Level worst = current.values().stream().max(Enum::compareTo).orElse(Level.NORMAL);
        out.collect(new HealthScoreValue(ctx.getCurrentKey(), Instant.ofEpochMilli(timestamp - MINUTE),
                HealthScore.score(current), worst, 1));
        nextScore.update(timestamp + MINUTE);
        ctx.timerService().registerEventTimeTimer(timestamp + MINUTE);
    }
}
