package org.cityvitals.jobs.health;

import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.testing.Harnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Health scores of a city in the keyed harness, with the shipped catalogue and Shanghai's profile. */
class HealthScoringTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final long MINUTE = 60_000;
    private static final long LATENESS = 10 * MINUTE;

    private final KeyedOneInputStreamOperatorTestHarness<String, IndicatorValue, HealthScoreValue> harness =
            Harnesses.keyed(new HealthScoring(CatalogueText.shipped(), LATENESS), HealthScoring::keyOf);

    HealthScoringTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void pm25(String area, int minuteEnd, Level level, long version) throws Exception {
        Instant end = T0.plusSeconds(60L * minuteEnd);
        harness.processElement(new IndicatorValue("air.pm25", area, end.minusSeconds(60), end, 0, 1, level, version),
                end.toEpochMilli() - 1);
    }

    private List<HealthScoreValue> scores(String area) {
        return harness.extractOutputValues().stream().filter(h -> h.district().equals(area)).toList();
    }

    @Test
    void aDistrictAtRedHoldsTheCityAtEighty() throws Exception {
        pm25("310101", 1, Level.RED, 1);
        pm25("310104", 1, Level.NORMAL, 1);
        harness.processWatermark(T0.toEpochMilli() + MINUTE - 1);
        // Huangpu: only PM2.5, at red: 100 × (1 − 1) = 0, capped at 40 → 0. Xuhui 100.
        assertThat(scores("310101")).extracting(HealthScoreValue::score, HealthScoreValue::worstLevel)
                .containsExactly(tuple(0.0, Level.RED));
        // City: population-weighted mean (662,030 × 0 + 1,113,078 × 100) / 1,775,108 = 62.70, below the red cap 80
        assertThat(scores("310000")).singleElement().satisfies(h -> {
            assertThat(h.score()).isCloseTo(100.0 * 1_113_078 / 1_775_108, within(1e-9));
            assertThat(h.worstLevel()).isEqualTo(Level.RED);
            assertThat(h.windowStart()).isEqualTo(T0);
        });
    }

    @Test
    void aCorrectionRescoresTheMinutesItChangesWithTheNextVersionAndTheLevelsOfThen() throws Exception {
        pm25("310101", 1, Level.NORMAL, 1);
        pm25("310101", 2, Level.NORMAL, 1);
        harness.processWatermark(T0.toEpochMilli() + 3 * MINUTE - 1);
        pm25("310101", 2, Level.RED, 2);   // the window ending 00:02 was red after all
        // minute 00:01 keeps its level of then (normal); minutes 00:02 and 00:03 are rescored at version 2
        assertThat(scores("310101")).extracting(h -> h.windowStart().getEpochSecond() - T0.getEpochSecond(),
                HealthScoreValue::score, HealthScoreValue::version).containsExactly(
                tuple(0L, 100.0, 1L), tuple(60L, 100.0, 1L), tuple(120L, 100.0, 1L),
                tuple(60L, 0.0, 2L), tuple(120L, 0.0, 2L));
    }

    @Test
    void platformIndicatorsNeverCountAndNothingIsLeftAtTheEnd() throws Exception {
        Instant end = T0.plusSeconds(60);
        harness.processElement(new IndicatorValue("dq.air.completeness", "310101", T0, end, 10, 1, Level.RED, 1),
                end.toEpochMilli() - 1);
        pm25("310101", 1, Level.NORMAL, 1);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(scores("310101")).extracting(HealthScoreValue::score).containsExactly(100.0);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
