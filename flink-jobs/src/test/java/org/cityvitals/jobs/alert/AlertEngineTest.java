package org.cityvitals.jobs.alert;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.testing.Harnesses;
import org.cityvitals.jobs.window.InstantReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The alert engine in the keyed two-input harness with the shipped catalogue: instant rules sharing an episode with
 * the windowed rule, unique episode ids, versions across a restore, what city series and silent series may raise.
 */
class AlertEngineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private KeyedTwoInputStreamOperatorTestHarness<String, IndicatorValue, InstantReading, AlertEvent> harness;

    private void open(Origin origin, OperatorSubtaskState restoreFrom) throws Exception {
        harness = Harnesses.keyed(new AlertEngine(CatalogueText.shipped(), origin), AlertEngine::keyOf,
                InstantReading::seriesKey, restoreFrom);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** The 1-minute window ending {@code minutes} after T0, emitted when event time reaches its end. */
    private void window(String indicator, String area, int minutes, double value, long version) throws Exception {
        Instant end = T0.plus(Duration.ofMinutes(minutes));
        harness.processElement1(new IndicatorValue(indicator, area, end.minusSeconds(60), end, value, 1, Level.NORMAL,
                version), end.toEpochMilli() - 1);
        harness.processBothWatermarks(new Watermark(end.toEpochMilli() - 1));
    }

    private List<AlertEvent> alerts() {
        return harness.extractOutputValues();
    }

    @Test
    void oneValidReadingOpensAtOnceAndTheWindowLowersAndResolves() throws Exception {
        open(Origin.LIVE, null);
        harness.processElement2(new InstantReading("gas.leak_lel", "310106", 30, T0.plusSeconds(5).toEpochMilli()),
                T0.plusSeconds(5).toEpochMilli());
        harness.processElement2(new InstantReading("gas.leak_lel", "310106", 80, T0.plusSeconds(9).toEpochMilli()),
                T0.plusSeconds(9).toEpochMilli());
        harness.processElement2(new InstantReading("gas.leak_lel", "310106", 40, T0.plusSeconds(20).toEpochMilli()),
                T0.plusSeconds(20).toEpochMilli());
        window("gas.leak_lel", "310106", 1, 80, 1);  // the window's max: still red, nothing new
        window("gas.leak_lel", "310106", 2, 30, 1);  // yellow (25 ≤ 30 < 50)
        window("gas.leak_lel", "310106", 3, 1, 1);
        // GB/T 50493-2019 levels in the catalogue: yellow 25, orange 50, red 75 %LEL
        assertThat(alerts()).extracting(AlertEvent::kind, AlertEvent::level, AlertEvent::version,
                a -> a.eventTime().getEpochSecond() - T0.getEpochSecond()).containsExactly(
                tuple(AlertKind.OPENED, Level.YELLOW, 1, 5L),
                tuple(AlertKind.LEVEL_CHANGED, Level.RED, 2, 9L),
                tuple(AlertKind.LEVEL_CHANGED, Level.YELLOW, 3, 120L),
                tuple(AlertKind.RESOLVED, Level.NORMAL, 4, 180L));
        assertThat(alerts()).extracting(AlertEvent::alertId).containsOnly(alerts().get(0).alertId());
    }

    @Test
    void anEpisodeOpenedAgainWithTheSameStartGetsItsOwnIdAndVersionsNeverGoBack() throws Exception {
        open(Origin.LIVE, null);
        window("air.pm25", "310101", 1, 80, 1);   // blue opens, since the end of this window
        window("air.pm25", "310101", 1, 60, 2);   // a correction: resolved
        window("air.pm25", "310101", 1, 90, 3);   // another correction: open again, same start
        assertThat(alerts()).extracting(AlertEvent::alertId, AlertEvent::kind, AlertEvent::version).containsExactly(
                tuple("level:air.pm25:310101:" + T0.plusSeconds(60).getEpochSecond(), AlertKind.OPENED, 1),
                tuple("level:air.pm25:310101:" + T0.plusSeconds(60).getEpochSecond(), AlertKind.RESOLVED, 2),
                tuple("level:air.pm25:310101:" + T0.plusSeconds(60).getEpochSecond() + ".2", AlertKind.OPENED, 1));
    }

    @Test
    void versionsKeepGrowingAfterARestore() throws Exception {
        open(Origin.LIVE, null);
        window("air.pm25", "310101", 1, 80, 1);
        OperatorSubtaskState snapshot = harness.snapshot(1, T0.plusSeconds(61).toEpochMilli());
        harness.close();
        open(Origin.LIVE, snapshot);
        window("air.pm25", "310101", 2, 116, 1);   // yellow, by less than a rate-of-change band
        assertThat(alerts()).extracting(AlertEvent::kind, AlertEvent::version)
                .containsExactly(tuple(AlertKind.LEVEL_CHANGED, 2));
    }

    @Test
    void aCitySeriesThatOnlyRepeatsItsWorstDistrictRaisesNothingButAPooledMeanDoes() throws Exception {
        open(Origin.LIVE, null);
        window("gas.leak_lel", "310000", 1, 80, 1);   // the city's max over all gas sensors
        window("air.pm25", "310000", 1, 120, 1);      // the city's mean PM2.5: yellow
        assertThat(alerts()).extracting(AlertEvent::indicatorId, AlertEvent::district, AlertEvent::level)
                .containsExactly(tuple("air.pm25", "310000", Level.YELLOW));
    }

    @Test
    void silenceRaisesNoDataOnlyWhereSilenceMeansLostData() throws Exception {
        open(Origin.LIVE, null);
        window("air.pm25", "310101", 1, 30, 1);
        window("hotline.new_per_hour", "310101", 1, 0, 1);
        harness.processBothWatermarks(new Watermark(T0.plus(Duration.ofMinutes(10)).toEpochMilli()));
        // PM2.5 silent for five minutes: lost sensors. 12345 silent: no new case, which is not an outage.
        assertThat(alerts()).extracting(AlertEvent::rule, AlertEvent::indicatorId, AlertEvent::level)
                .containsExactly(tuple("no_data", "air.pm25", Level.BLUE));
        window("air.pm25", "310101", 11, 30, 1);
        assertThat(alerts()).extracting(AlertEvent::kind).containsExactly(AlertKind.OPENED, AlertKind.RESOLVED);
    }

    @Test
    void aBackfillsAlertsSayTheyAreHistory() throws Exception {
        open(Origin.BACKFILL, null);
        window("air.pm25", "310101", 1, 80, 1);
        assertThat(alerts()).extracting(AlertEvent::origin).containsExactly(Origin.BACKFILL);
    }

    @Test
    void theEndOfABoundedInputIsNotSilenceAndASilentDayLeavesNothing() throws Exception {
        open(Origin.LIVE, null);
        window("air.pm25", "310101", 1, 30, 1);
        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        assertThat(alerts()).isEmpty();
        harness.close();

        open(Origin.LIVE, null);
        window("air.pm25", "310101", 1, 80, 1);
        harness.processBothWatermarks(new Watermark(T0.plus(Duration.ofHours(25)).toEpochMilli()));
        assertThat(alerts()).extracting(AlertEvent::rule, AlertEvent::kind).containsExactly(
                tuple("level", AlertKind.OPENED), tuple("no_data", AlertKind.OPENED),
                tuple("no_data", AlertKind.RESOLVED), tuple("level", AlertKind.RESOLVED));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
