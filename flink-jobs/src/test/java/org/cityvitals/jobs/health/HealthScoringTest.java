package org.cityvitals.jobs.health;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.health.HealthScore;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HealthScoringTest {

    private static final CatalogueText CATALOGUE = CatalogueText.shipped();
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static IndicatorValue value(String indicator, int minute, Level level) {
        Instant start = T0.plus(Duration.ofMinutes(minute));
        return new IndicatorValue(indicator, "310101", start, start.plusSeconds(60), 1, 1, level, 1);
    }

    @Test
    void scoresEveryMinuteFromTheNewestLevelsAndForgetsStaleOnes() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new HealthScoring(CATALOGUE)), IndicatorValue::district, Types.STRING);
        harness.open();
        IndicatorDefinition pm25 = CATALOGUE.get().byId("air.pm25").orElseThrow();
        IndicatorDefinition tpi = CATALOGUE.get().byId("traffic.tpi").orElseThrow();

        harness.processElement(value("air.pm25", 0, Level.YELLOW), T0.plusSeconds(59).toEpochMilli());
        harness.processElement(value("traffic.tpi", 0, Level.NORMAL), T0.plusSeconds(59).toEpochMilli());
        harness.processWatermark(T0.plusSeconds(60).toEpochMilli());
        harness.processElement(value("air.pm25", 1, Level.NORMAL), T0.plusSeconds(119).toEpochMilli());
        harness.processWatermark(T0.plusSeconds(120).toEpochMilli());

        double first = HealthScore.score(Map.of(pm25, Level.YELLOW, tpi, Level.NORMAL));
        double second = HealthScore.score(Map.of(pm25, Level.NORMAL, tpi, Level.NORMAL));
        assertThat(harness.extractOutputValues())
                .extracting(HealthScoreValue::windowStart, HealthScoreValue::score, HealthScoreValue::worstLevel)
                .containsExactly(tuple(T0, first, Level.YELLOW), tuple(T0.plusSeconds(60), second, Level.NORMAL));

        harness.processWatermark(T0.plus(Duration.ofHours(3)).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.close();
    }
}
