package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.CatalogueText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.Optional;

/**
 * The level rule judging one window value of PM2.5 in a district, over a series that climbs through every level and
 * back, so the benchmark pays for openings, changes and resolves as well as the common "no change".
 */
@State(Scope.Thread)
public class LevelRuleJmh {

    private static final double[] SERIES = {20, 30, 60, 90, 160, 260, 160, 90, 60, 30, 20, 20, 20, 20, 20, 20};

    private final IndicatorDefinition pm25 = CatalogueText.shipped().get().byId("air.pm25").orElseThrow();
    private final Thresholds thresholds = pm25.thresholdsFor("310101", false);
    private final LevelRule.State state = new LevelRule.State();
    private long minute;

    @Benchmark
    public Optional<AlertEvent> judgeWindow() {
        minute++;
        Instant end = Instant.ofEpochSecond(1_795_680_000L + 60 * minute);
        IndicatorValue v = new IndicatorValue("air.pm25", "310101", end.minusSeconds(60), end,
                SERIES[(int) (minute % SERIES.length)], 40, Level.NORMAL, 1);
        return LevelRule.apply(state, v, pm25, thresholds, Origin.LIVE);
    }
}
