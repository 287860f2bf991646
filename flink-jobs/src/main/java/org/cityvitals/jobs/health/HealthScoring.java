package org.cityvitals.jobs.health;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.health.HealthScore;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SeriesKey;
import org.cityvitals.jobs.CatalogueText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The health scores of one city, every minute of event time: each district's from the levels of its indicators as of
 * that minute, and the city's from its districts' scores and its own city-wide indicators
 * ({@link HealthScore#city}). Keyed by the city's code, so the city score sees every district. A level older than two
 * of its windows no longer counts (silence is the no-data rule's business, not a reason to keep a stale red);
 * platform indicators and indicators without levels never count. Levels are kept by window end as far back as the
 * allowed lateness reaches, so a late correction rescores exactly the minutes it changes, with the next version, and
 * the score of a minute is the same live and in a replay. At the end of a bounded input the city is scored up to the
 * last window it saw, not beyond.
 */
public final class HealthScoring extends KeyedProcessFunction<String, IndicatorValue, HealthScoreValue> {

    private static final long serialVersionUID = 1L;
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final CatalogueText catalogue;
    private final long allowedLateness;
    private transient MapState<String, LevelHistory> histories;
    private transient MapState<Long, Long> versions;
    private transient ValueState<Long> nextMinute;
    private transient ValueState<Long> lastWindowEnd;

    public HealthScoring(CatalogueText catalogue, long allowedLatenessMillis) {
        this.catalogue = catalogue;
        this.allowedLateness = allowedLatenessMillis;
    }

    /** The key this function is used with: the code of the value's city. */
    public static String keyOf(IndicatorValue v) {
        return CityProfiles.ofArea(v.district()).code();
    }

    @Override
    public void open(OpenContext openContext) {
        histories = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("levels", String.class, LevelHistory.class));
        versions = getRuntimeContext().getMapState(new MapStateDescriptor<>("versions", Long.class, Long.class));
        nextMinute = getRuntimeContext().getState(new ValueStateDescriptor<>("next-minute", Long.class));
        lastWindowEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("last-window-end", Long.class));
    }

    @Override
    public void processElement(IndicatorValue v, Context ctx, Collector<HealthScoreValue> out) throws Exception {
        IndicatorDefinition d = catalogue.get().byId(v.indicatorId()).orElse(null);
        if (d == null || !counts(d, v.district())) {
            return;
        }
        String key = SeriesKey.of(v.indicatorId(), v.district());
        LevelHistory history = histories.get(key);
        if (history == null) {
            history = new LevelHistory();
        }
        long end = v.windowEnd().toEpochMilli();
        history.put(end, v.level());
        histories.put(key, history);
        if (lastWindowEnd.value() == null || end > lastWindowEnd.value()) {
            lastWindowEnd.update(end);
        }
        long watermark = ctx.timerService().currentWatermark();
        rescoreMinutesChangedBy(end, watermark, ctx.getCurrentKey(), out);
        // scoring starts at the first minute this value decides that event time has not passed yet, and moves
        // earlier when a value for an earlier minute arrives first (values of one watermark come in any order)
        long wanted = Math.max(minuteAtOrAfter(end), minuteAtOrAfter(watermark + 2));
        Long next = nextMinute.value();
        if (watermark < Long.MAX_VALUE && (next == null || wanted < next)) {
            if (next != null) {
                ctx.timerService().deleteEventTimeTimer(next - 1);
            }
            nextMinute.update(wanted);
            ctx.timerService().registerEventTimeTimer(wanted - 1);
        }
    }

    /** Whether a series counts in health: district series with weight, and the city's own judged series. */
    private static boolean counts(IndicatorDefinition d, String area) {
        if (d.weight() == 0) {
            return false;
        }
        if (!CityProfiles.isCityCode(area)) {
            return true;
        }
        return d.city().judged() && !d.city().mirrorsWorstDistrict(d.aggregation());
    }

    /** A window ending at {@code end} decides the minutes from {@code end} on: rescore those already scored. */
    private void rescoreMinutesChangedBy(long end, long watermark, String city, Collector<HealthScoreValue> out)
            throws Exception {
        List<Long> scored = new ArrayList<>();
        for (Long minute : versions.keys()) {
            if (minute >= end && minute - 1 <= watermark && minute + allowedLateness > watermark + 1) {
                scored.add(minute);
            }
        }
        scored.sort(null);
        for (long minute : scored) {
            score(city, minute, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HealthScoreValue> out) throws Exception {
        long minute = timestamp + 1;
        boolean scoredAnything = score(ctx.getCurrentKey(), minute, out);
        forgetBefore(minute);
        boolean inputEnded = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (!scoredAnything && histories.isEmpty() || inputEnded && minute >= lastWindowEnd.value()) {
            histories.clear();
            versions.clear();
            nextMinute.clear();
            lastWindowEnd.clear();
            return;
        }
        nextMinute.update(minute + MINUTE);
        ctx.timerService().registerEventTimeTimer(minute + MINUTE - 1);
    }

    /** Scores every district and the city as of {@code minute}; false when no level counted. */
    private boolean score(String cityCode, long minute, Collector<HealthScoreValue> out) throws Exception {
        CityProfile city = CityProfiles.ofArea(cityCode);
        Map<String, Map<IndicatorDefinition, Level>> byArea = levelsAt(minute);
        if (byArea.isEmpty()) {
            return false;
        }
        Long previous = versions.get(minute);
        long version = previous == null ? 1 : previous + 1;
        versions.put(minute, version);
        Instant start = Instant.ofEpochMilli(minute - MINUTE);
        boolean populations = city.districts().stream().allMatch(d -> d.population() > 0);
        List<HealthScore.DistrictScore> districts = new ArrayList<>();
        Level worst = Level.NORMAL;
        for (District district : city.districts()) {
            Map<IndicatorDefinition, Level> levels = byArea.get(district.code());
            if (levels == null) {
                continue;
            }
            Level districtWorst = worstOf(levels);
            double score = HealthScore.score(levels);
            out.collect(new HealthScoreValue(district.code(), start, score, districtWorst, version));
            districts.add(new HealthScore.DistrictScore(score, districtWorst,
                    populations ? district.population() : 1));
            worst = max(worst, districtWorst);
        }
        Map<IndicatorDefinition, Level> own = byArea.getOrDefault(cityCode, Map.of());
        worst = max(worst, worstOf(own));
        out.collect(new HealthScoreValue(cityCode, start, HealthScore.city(districts, own), worst, version));
        return true;
    }

    /** The levels that count at {@code minute}, by area: each series' newest level not older than two windows. */
    private Map<String, Map<IndicatorDefinition, Level>> levelsAt(long minute) throws Exception {
        Map<String, Map<IndicatorDefinition, Level>> byArea = new HashMap<>();
        for (Map.Entry<String, LevelHistory> e : histories.entries()) {
            IndicatorDefinition d = catalogue.get().byId(SeriesKey.indicatorOf(e.getKey())).orElse(null);
            int at = e.getValue().at(minute);
            if (d == null || at < 0) {
                continue;
            }
            boolean fresh = minute - e.getValue().ends[at] <= 2 * d.window().size().toMillis();
            if (fresh) {
                byArea.computeIfAbsent(SeriesKey.areaOf(e.getKey()), a -> new HashMap<>())
                        .put(d, e.getValue().level(at));
            }
        }
        return byArea;
    }

    /**
     * What no correction can change any more: versions of minutes past the lateness, history entries older than the
     * newest one before that horizon, and series whose newest level is stale and beyond the horizon.
     */
    private void forgetBefore(long minute) throws Exception {
        long horizon = minute - allowedLateness;
        List<Long> oldMinutes = new ArrayList<>();
        for (Long scored : versions.keys()) {
            if (scored <= horizon) {
                oldMinutes.add(scored);
            }
        }
        for (Long scored : oldMinutes) {
            versions.remove(scored);
        }
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, LevelHistory> e : histories.entries()) {
            IndicatorDefinition d = catalogue.get().byId(SeriesKey.indicatorOf(e.getKey())).orElse(null);
            LevelHistory history = e.getValue();
            if (d == null || history.newest() < horizon && minute - history.newest() > 2 * d.window().size().toMillis()) {
                gone.add(e.getKey());
            } else {
                history.trim(horizon);
                histories.put(e.getKey(), history);
            }
        }
        for (String key : gone) {
            histories.remove(key);
        }
    }

    private static Level worstOf(Map<IndicatorDefinition, Level> levels) {
        Level worst = Level.NORMAL;
        for (Level level : levels.values()) {
            worst = max(worst, level);
        }
        return worst;
    }

    private static Level max(Level a, Level b) {
        return a.severity() >= b.severity() ? a : b;
    }

    private static long minuteAtOrAfter(long t) {
        return Math.floorDiv(t + MINUTE - 1, MINUTE) * MINUTE;
    }
}
