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

    private KeyedTwoInputStreamOperatorTestHarness<String, IndicatorValue, PointInput, AlertEvent> harness;

    private void open(Origin origin, OperatorSubtaskState restoreFrom) throws Exception {
        harness = Harnesses.keyed(new AlertEngine(CatalogueText.shipped(), origin), AlertEngine::keyOf,
                PointInput::seriesKey, restoreFrom);
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

    /** A single valid reading {@code seconds} after T0. */
    private void reading(String indicator, String area, double value, int seconds) throws Exception {
        long at = T0.plusSeconds(seconds).toEpochMilli();
        harness.processElement2(PointInput.ofReading(new InstantReading(indicator, area, value, at)), at);
    }

    /** A person resolves {@code alertId} by hand {@code minutes} after T0. */
    private void resolveByHand(String alertId, int minutes) throws Exception {
        Instant at = T0.plus(Duration.ofMinutes(minutes));
        harness.processElement2(PointInput.ofResolve(new ManualResolve(alertId, "dispatcher-1", at.toEpochMilli())),
                at.toEpochMilli());
    }

    /** The PM10 window (1 hour sliding by 5 minutes) ending {@code minutes} after T0. */
    private void pm10Window(int minutes, double value) throws Exception {
        Instant end = T0.plus(Duration.ofMinutes(minutes));
        harness.processElement1(new IndicatorValue("air.pm10", "310101", end.minus(Duration.ofHours(1)), end, value,
                12, Level.NORMAL, 1), end.toEpochMilli() - 1);
        harness.processBothWatermarks(new Watermark(end.toEpochMilli() - 1));
    }

    private static String id(String rule, String indicator, int sinceMinutes) {
        return rule + ":" + indicator + ":310101:" + T0.plus(Duration.ofMinutes(sinceMinutes)).getEpochSecond();
    }

    private List<AlertEvent> levelAlerts() {
        return alerts().stream().filter(a -> a.rule().equals("level")).toList();
    }

    private List<AlertEvent> alerts() {
        return harness.extractOutputValues();
    }

    @Test
    void oneValidReadingOpensAtOnceAndTheWindowLowersAndResolves() throws Exception {
        open(Origin.LIVE, null);
        reading("gas.leak_lel", "310106", 30, 5);
        reading("gas.leak_lel", "310106", 80, 9);
        reading("gas.leak_lel", "310106", 40, 20);
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

    @Test
    void aResolveByHandClosesTheEpisodeAndAConditionThatStillHoldsOpensANewOneAfterItsForDuration() throws Exception {
        open(Origin.LIVE, null);
        // HJ 633-2012: PM10 above 420 µg/m³ is severe (red); the catalogue waits 10 minutes ("for: 10m")
        pm10Window(5, 450);
        pm10Window(10, 450);
        pm10Window(15, 450);                        // red has held from 0:05 to 0:15: open, since 0:05
        resolveByHand(id("level", "air.pm10", 5), 16);
        resolveByHand(id("level", "air.pm10", 5), 17);   // a retried action: already closed, nothing
        pm10Window(20, 450);                        // still red: the wait starts again at 0:20
        pm10Window(25, 450);
        pm10Window(30, 450);                        // held from 0:20 to 0:30: a new episode, since 0:20
        assertThat(levelAlerts())
                .extracting(AlertEvent::alertId, AlertEvent::kind, AlertEvent::level,
                        a -> Duration.between(T0, a.eventTime()).toMinutes())
                .containsExactly(
                        tuple(id("level", "air.pm10", 5), AlertKind.OPENED, Level.RED, 15L),
                        tuple(id("level", "air.pm10", 5), AlertKind.RESOLVED, Level.NORMAL, 16L),
                        tuple(id("level", "air.pm10", 20), AlertKind.OPENED, Level.RED, 30L));
        assertThat(levelAlerts().get(1).message()).endsWith("resolved by hand by dispatcher-1");
    }

    @Test
    void aResolveByHandOfAnEpisodeThatHasSinceClosedChangesNothing() throws Exception {
        open(Origin.LIVE, null);
        pm10Window(5, 450);
        pm10Window(10, 450);
        pm10Window(15, 450);
        pm10Window(20, 100);                        // under blue (150) by more than the hysteresis ...
        pm10Window(25, 100);
        pm10Window(30, 100);                        // ... for 10 minutes: resolved by the rule
        resolveByHand(id("level", "air.pm10", 5), 31);
        pm10Window(35, 100);
        assertThat(levelAlerts()).extracting(AlertEvent::kind, a -> Duration.between(T0, a.eventTime()).toMinutes())
                .containsExactly(tuple(AlertKind.OPENED, 15L), tuple(AlertKind.RESOLVED, 30L));
        assertThat(levelAlerts().get(1).message()).doesNotContain("by hand");
    }

    @Test
    void aSilenceResolvedByHandIsRaisedAgainWhenTheSeriesStaysSilentForItsLimitFromThen() throws Exception {
        open(Origin.LIVE, null);
        window("air.pm25", "310101", 1, 30, 1);
        // PM2.5 slides by 1 minute: the silence limit is five slides, and never under 5 minutes → 0:06
        harness.processBothWatermarks(new Watermark(T0.plus(Duration.ofMinutes(10)).toEpochMilli()));
        resolveByHand(id("no_data", "air.pm25", 1), 10);
        harness.processBothWatermarks(new Watermark(T0.plus(Duration.ofMinutes(14)).toEpochMilli()));
        int beforeTheLimit = alerts().size();
        harness.processBothWatermarks(new Watermark(T0.plus(Duration.ofMinutes(15)).toEpochMilli()));
        window("air.pm25", "310101", 16, 30, 1);
        assertThat(beforeTheLimit).isEqualTo(2);
        assertThat(alerts()).extracting(AlertEvent::alertId, AlertEvent::kind,
                        a -> Duration.between(T0, a.eventTime()).toMinutes())
                .containsExactly(
                        tuple(id("no_data", "air.pm25", 1), AlertKind.OPENED, 6L),
                        tuple(id("no_data", "air.pm25", 1), AlertKind.RESOLVED, 10L),
                        tuple(id("no_data", "air.pm25", 1) + ".2", AlertKind.OPENED, 15L),
                        tuple(id("no_data", "air.pm25", 1) + ".2", AlertKind.RESOLVED, 16L));
    }

    @Test
    void aBackfillJudgesSilenceFromTheGapsBetweenWindowsHoweverCoarselyEventTimeMoves() throws Exception {
        open(Origin.BACKFILL, null);
        Instant end = T0.plus(Duration.ofMinutes(1));
        harness.processElement1(new IndicatorValue("air.pm25", "310101", end.minusSeconds(60), end, 30, 1,
                Level.NORMAL, 1), end.toEpochMilli() - 1);
        // the next window arrives before event time has passed the silence limit (0:01 + 5 min): a coarse jump
        Instant next = T0.plus(Duration.ofMinutes(12));
        harness.processElement1(new IndicatorValue("air.pm25", "310101", next.minusSeconds(60), next, 30, 1,
                Level.NORMAL, 1), next.toEpochMilli() - 1);
        window("air.pm25", "310101", 13, 30, 1);
        // then silent until the end of the input: nothing tells that from the end itself
        harness.processBothWatermarks(new Watermark(T0.plus(Duration.ofHours(2)).toEpochMilli()));
        assertThat(alerts()).extracting(AlertEvent::alertId, AlertEvent::kind,
                        a -> Duration.between(T0, a.eventTime()).toMinutes(), AlertEvent::origin)
                .containsExactly(
                        tuple(id("no_data", "air.pm25", 1), AlertKind.OPENED, 6L, Origin.BACKFILL),
                        tuple(id("no_data", "air.pm25", 1), AlertKind.RESOLVED, 12L, Origin.BACKFILL));
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aBackfillJudgesAReadingBeforeTheWindowThatCoversItWhicheverArrivesFirst() throws Exception {
        List<List<AlertEvent>> runs = new java.util.ArrayList<>();
        for (boolean windowFirst : new boolean[] {true, false}) {
            if (harness != null) {
                harness.close();
            }
            open(Origin.BACKFILL, null);
            Instant end = T0.plusSeconds(60);
            IndicatorValue window = new IndicatorValue("gas.leak_lel", "310106", T0, end, 80, 3, Level.NORMAL, 1);
            if (windowFirst) {
                harness.processElement1(window, end.toEpochMilli() - 1);
            }
            reading("gas.leak_lel", "310106", 80, 9);
            if (!windowFirst) {
                harness.processElement1(window, end.toEpochMilli() - 1);
            }
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            runs.add(alerts());
        }
        // GB/T 50493-2019 in the catalogue: 75 %LEL is red; the reading at 0:00:09 opens the episode, since 0:00:09
        assertThat(runs.get(0)).extracting(AlertEvent::kind, AlertEvent::level,
                a -> Duration.between(T0, a.since()).getSeconds()).containsExactly(
                tuple(AlertKind.OPENED, Level.RED, 9L));
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }
}
