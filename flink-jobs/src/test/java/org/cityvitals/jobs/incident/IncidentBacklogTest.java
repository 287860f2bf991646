package org.cityvitals.jobs.incident;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.testing.Harnesses;
import org.cityvitals.jobs.testing.TestCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The 12345 backlog (shipped catalogue: reported every 5 minutes) in the keyed harness. */
class IncidentBacklogTest {

    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long LATENESS = 10 * MINUTE;

    private final KeyedOneInputStreamOperatorTestHarness<String, BacklogChange, IndicatorValue> harness =
            Harnesses.keyed(new IncidentBacklog(CatalogueText.shipped(), LATENESS, false), BacklogChange::seriesKey);

    IncidentBacklogTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void change(String district, String id, long reported, long resolved) throws Exception {
        harness.processElement(new BacklogChange("hotline.backlog", district, id, reported, resolved),
                resolved == CaseSpan.OPEN ? reported : resolved);
    }

    private java.util.List<IndicatorValue> values() {
        return harness.extractOutputValues();
    }

    @Test
    void theBacklogIsTheCasesOpenAtEachBoundaryAndReadsZeroWhenNoneIs() throws Exception {
        change("310101", "a", T0 + MINUTE, CaseSpan.OPEN);
        change("310101", "b", T0 + 3 * MINUTE, CaseSpan.OPEN);
        change("310101", "a", T0 + MINUTE, T0 + 7 * MINUTE);
        change("310101", "b", T0 + 3 * MINUTE, T0 + 12 * MINUTE);
        harness.processWatermark(T0 + 20 * MINUTE - 1);
        // at 00:05 both are open, at 00:10 only b, at 00:15 and 00:20 none
        assertThat(values()).extracting(v -> (v.windowEnd().toEpochMilli() - T0) / MINUTE, IndicatorValue::value)
                .containsExactly(tuple(5L, 2.0), tuple(10L, 1.0), tuple(15L, 0.0), tuple(20L, 0.0));
    }

    @Test
    void aLateResolutionReReportsTheBoundariesItChanges() throws Exception {
        change("310101", "a", T0 + MINUTE, CaseSpan.OPEN);
        harness.processWatermark(T0 + 10 * MINUTE - 1);
        change("310101", "a", T0 + MINUTE, T0 + 4 * MINUTE); // resolved at 00:04, learnt after 00:10
        assertThat(values()).extracting(v -> (v.windowEnd().toEpochMilli() - T0) / MINUTE, IndicatorValue::value,
                IndicatorValue::version).containsExactly(
                tuple(5L, 1.0, 1L), tuple(10L, 1.0, 1L), tuple(5L, 0.0, 2L), tuple(10L, 0.0, 2L));
    }

    @Test
    void aNewSeriesNeverReportsTheFinishedPast() throws Exception {
        harness.processWatermark(T0 + 60 * MINUTE - 1);
        change("310104", "old", T0 + MINUTE, CaseSpan.OPEN); // reported an hour before event time now
        harness.processWatermark(T0 + 65 * MINUTE - 1);
        assertThat(values()).extracting(v -> (v.windowEnd().toEpochMilli() - T0) / MINUTE, IndicatorValue::value)
                .containsExactly(tuple(65L, 1.0));
    }

    @Test
    void aRestoreAfterTheIndicatorLeftTheCatalogueDropsItsStateAndRunsOn() throws Exception {
        change("310101", "a", T0 + MINUTE, CaseSpan.OPEN);
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 2 * MINUTE);
        try (var restored = Harnesses.keyed(new IncidentBacklog(TestCatalogue.of(TestCatalogue.MEAN_3M), LATENESS,
                false), BacklogChange::seriesKey, snapshot)) { // hotline.backlog was removed from the catalogue
            assertThat(restored.numKeyedStateEntries()).isPositive();
            restored.processWatermark(T0 + 10 * MINUTE - 1); // the boundary timer of 00:05 fires
            restored.processElement(new BacklogChange("hotline.backlog", "310101", "b", T0 + 11 * MINUTE,
                    CaseSpan.OPEN), T0 + 11 * MINUTE);
            assertThat(restored.extractOutputValues()).isEmpty();
            assertThat(restored.numKeyedStateEntries()).isZero();
            assertThat(restored.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aPresenceStartsAZeroSeriesAndTheEndOfInputStopsItAfterItsLastChange() throws Exception {
        harness.processElement(new BacklogChange("hotline.backlog", "310105", null, T0 + MINUTE, CaseSpan.OPEN),
                T0 + MINUTE);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(values()).extracting(IndicatorValue::district, IndicatorValue::value)
                .containsExactly(tuple("310105", 0.0));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
