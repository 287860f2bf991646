package org.cityvitals.jobs.window;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.testing.Harnesses;
import org.cityvitals.jobs.testing.TestCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Pane windows in Flink's keyed harness: sliding windows from shared panes, corrections with the next version, too-late
 * samples, zero-filled counts, the end of a bounded input, and no state or timer left behind.
 */
class PaneWindowsTest {

    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long LATENESS = 2 * MINUTE;
    private static final CatalogueText CATALOGUE = TestCatalogue.of(TestCatalogue.MEAN_3M, TestCatalogue.CASES_2M);

    private KeyedOneInputStreamOperatorTestHarness<String, Sample, IndicatorValue> harness;

    private KeyedOneInputStreamOperatorTestHarness<String, Sample, IndicatorValue> open(CatalogueText catalogue)
            throws Exception {
        harness = Harnesses.keyed(new PaneWindows(catalogue, LATENESS, false), Sample::seriesKey);
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void pm25(long at, double value) throws Exception {
        harness.processElement(Sample.of("t.mean", "310101", value, false, "s1", at), at);
    }

    private List<IndicatorValue> values() {
        return harness.extractOutputValues();
    }

    @Test
    void slidingWindowsAreMeansOverTheirPanesAndNothingIsLeftAfterTheEnd() throws Exception {
        open(CATALOGUE);
        pm25(T0 + 30_000, 10);           // pane [0, 1m)
        pm25(T0 + MINUTE + 30_000, 20);  // pane [1m, 2m)
        pm25(T0 + 2 * MINUTE + 30_000, 30);
        harness.processWatermark(Long.MAX_VALUE);
        // 3-minute windows ending at 1m … 5m: [-2m,1m) 10; [-1m,2m) 15; [0,3m) 20; [1m,4m) 25; [2m,5m) 30
        assertThat(values()).extracting(v -> v.windowEnd().toEpochMilli() - T0, IndicatorValue::value,
                IndicatorValue::version).containsExactly(
                tuple(MINUTE, 10.0, 1L), tuple(2 * MINUTE, 15.0, 1L), tuple(3 * MINUTE, 20.0, 1L),
                tuple(4 * MINUTE, 25.0, 1L), tuple(5 * MINUTE, 30.0, 1L));
        assertThat(values().get(0).windowStart()).isEqualTo(Instant.ofEpochMilli(T0 - 2 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLateSampleWithinTheLatenessCorrectsEveryWindowHoldingItWithTheNextVersion() throws Exception {
        open(CATALOGUE);
        pm25(T0 + 30_000, 10);
        pm25(T0 + MINUTE + 30_000, 20);
        harness.processWatermark(T0 + 2 * MINUTE - 1);   // windows ending at 1m and 2m are out
        pm25(T0 + 45_000, 40);                           // late for both, within 2 minutes of lateness
        assertThat(values()).extracting(v -> v.windowEnd().toEpochMilli() - T0, IndicatorValue::value,
                IndicatorValue::version).containsExactly(
                tuple(MINUTE, 10.0, 1L), tuple(2 * MINUTE, 15.0, 1L),
                tuple(MINUTE, 25.0, 2L), tuple(2 * MINUTE, 70 / 3.0, 2L));
        assertThat(values().get(3).level()).isEqualTo(Level.NORMAL);
    }

    @Test
    void aSampleTooLateForEveryWindowGoesToTheSideOutput() throws Exception {
        open(CATALOGUE);
        pm25(T0 + 30_000, 10);
        // every window holding [0, 1m) ends by 3m; with 2 minutes of lateness they close for good at 5m
        harness.processWatermark(T0 + 5 * MINUTE - 1);
        pm25(T0 + 40_000, 99);
        assertThat(harness.getSideOutput(PaneWindows.TOO_LATE)).extracting(StreamRecord::getValue)
                .extracting(Sample::value).containsExactly(99.0);
        assertThat(values()).extracting(IndicatorValue::value).doesNotContain(99.0, 54.5);
    }

    @Test
    void aCountSeriesReadsZeroForWindowsWithoutCasesUntilTheEndOfItsInput() throws Exception {
        open(CATALOGUE);
        harness.processElement(Sample.of("t.cases", "310101", 1, false, "case-1", T0 + 10_000), T0 + 10_000);
        harness.processWatermark(T0 + 6 * MINUTE - 1);
        // 2-minute windows ending 1m, 2m hold the case: 1 case in 2 minutes is 30 per hour; then zeros
        assertThat(values()).extracting(v -> v.windowEnd().toEpochMilli() - T0, IndicatorValue::value).containsExactly(
                tuple(MINUTE, 30.0), tuple(2 * MINUTE, 30.0), tuple(3 * MINUTE, 0.0), tuple(4 * MINUTE, 0.0),
                tuple(5 * MINUTE, 0.0), tuple(6 * MINUTE, 0.0));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(values()).hasSize(6); // at the end of a bounded input: nothing after the last case's windows
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aPresenceMakesAQuietDistrictReadZero() throws Exception {
        open(CATALOGUE);
        harness.processElement(Sample.presence("t.cases", "310104", T0 + 10_000), T0 + 10_000);
        harness.processWatermark(T0 + 3 * MINUTE - 1);
        assertThat(values()).extracting(IndicatorValue::district, IndicatorValue::value).containsExactly(
                tuple("310104", 0.0), tuple("310104", 0.0), tuple("310104", 0.0));
    }

    @Test
    void everyWindowOfAComputedCitySeriesSendsItsShareToTheRollup() throws Exception {
        open(CATALOGUE);
        pm25(T0 + 30_000, 10);
        harness.processWatermark(T0 + MINUTE - 1);
        assertThat(harness.getSideOutput(PaneWindows.CITY_PARTS)).extracting(StreamRecord::getValue)
                .singleElement().satisfies(part -> {
                    assertThat(part.city()).isEqualTo("310000");
                    assertThat(part.accumulator().count).isEqualTo(1);
                    assertThat(part.value()).isEqualTo(10);
                });
    }

    @Test
    void aRestoreAfterTheIndicatorLeftTheCatalogueDropsItsStateAndRunsOn() throws Exception {
        open(CATALOGUE);
        pm25(T0 + 30_000, 10);
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 40_000);
        harness.close();

        harness = Harnesses.keyed(new PaneWindows(TestCatalogue.of(TestCatalogue.CASES_2M), LATENESS, false),
                Sample::seriesKey, snapshot); // t.mean was removed from the catalogue
        harness.processWatermark(T0 + 10 * MINUTE);
        pm25(T0 + 11 * MINUTE, 20);
        assertThat(values()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        harness.processWatermark(Duration.ofDays(1).toMillis() + T0);
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
