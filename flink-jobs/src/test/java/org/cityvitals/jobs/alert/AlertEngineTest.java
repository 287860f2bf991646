package org.cityvitals.jobs.alert;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The alert engine in Flink's keyed operator harness: rules, ids, versions, timers and state cleanup. */
class AlertEngineTest {

    /** PM2.5-like levels with hysteresis 5 and a for-duration of two 1-minute windows. */
    private static final CatalogueText CATALOGUE = CatalogueText.of("test.yaml", """
            indicators:
              - id: test.pm25
                name: {zh: 测试PM2.5, en: Test PM2.5}
                domain: air_environment
                unit: µg/m³
                source: {metric: pm25}
                aggregation: mean
                window: {size: 1m, slide: 1m}
                direction: higher_is_worse
                levels: {blue: 75, yellow: 115, orange: 150, red: 250}
                hysteresis: 5
                for: 2m
                weight: 1
            """);
    /** A Sunday, 08:00 in Shanghai: the first hour of the week's 08:00 bucket. */
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, IndicatorValue, AlertEvent> harness;
    private int minute;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AlertEngine(CATALOGUE, ZoneId.of("Asia/Shanghai"))),
                AlertEngine::keyOf, Types.STRING);
        harness.open();
        minute = 0;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** One 1-minute window per value, each followed by the watermark at its end, as the window operator does. */
    private void minutes(String district, double... values) throws Exception {
        for (double v : values) {
            Instant start = T0.plus(Duration.ofMinutes(minute++));
            Instant end = start.plusSeconds(60);
            harness.processElement(new IndicatorValue("test.pm25", district, start, end, v, 10, Level.NORMAL, 1),
                    end.toEpochMilli() - 1);
            harness.processWatermark(end.toEpochMilli() - 1);
        }
    }

    private List<AlertEvent> alerts() {
        return harness.extractOutputValues();
    }

    private List<AlertEvent> alerts(String rule) {
        return alerts().stream().filter(a -> a.rule().equals(rule)).toList();
    }

    @Test
    void levelOpensOnlyAfterHoldingForItsDurationThenChangesAndResolves() throws Exception {
        minutes("310101", 120);
        assertThat(alerts(LevelRule.RULE)).isEmpty();
        minutes("310101", 121, 160, 170, 40, 41);

        assertThat(alerts(LevelRule.RULE)).extracting(AlertEvent::kind, AlertEvent::level, AlertEvent::version)
                .containsExactly(
                        tuple(AlertKind.OPENED, Level.YELLOW, 1),
                        tuple(AlertKind.LEVEL_CHANGED, Level.ORANGE, 2),
                        tuple(AlertKind.RESOLVED, Level.NORMAL, 3));
        assertThat(alerts(LevelRule.RULE)).extracting(AlertEvent::alertId)
                .containsOnly(OpenAlert.id(LevelRule.RULE, "test.pm25", "310101", T0.toEpochMilli()));
    }

    @Test
    void aSignalOscillatingInsideTheHysteresisBandDoesNotFlap() throws Exception {
        minutes("310101", 120, 120);
        for (int i = 0; i < 10; i++) {
            minutes("310101", 116, 111, 114, 110.5); // crosses 115 both ways, never falls past 115 - 5
        }
        assertThat(alerts()).extracting(AlertEvent::rule, AlertEvent::kind)
                .containsExactly(tuple(LevelRule.RULE, AlertKind.OPENED));
    }

    @Test
    void aSpikeShorterThanTheForDurationRaisesNoLevelAlert() throws Exception {
        for (int i = 0; i < 10; i++) {
            minutes("310101", 40, 200);
        }
        assertThat(alerts(LevelRule.RULE)).isEmpty();
    }

    @Test
    void aSuddenRiseRaisesARateAlertBeforeAnyLevelHolds() throws Exception {
        minutes("310101", 40, 42, 95);          // +53 in one window: more than the blue→yellow band of 40
        assertThat(alerts()).extracting(AlertEvent::rule, AlertEvent::kind, AlertEvent::level)
                .containsExactly(tuple(RateOfChangeRule.RULE, AlertKind.OPENED, Level.YELLOW));
        minutes("310101", 96);                  // settled: under half a band
        assertThat(alerts(RateOfChangeRule.RULE)).extracting(AlertEvent::kind)
                .containsExactly(AlertKind.OPENED, AlertKind.RESOLVED);
    }

    @Test
    void aValueUnusualForTheHourOfWeekRaisesAnAnomalyThatStaticLimitsMiss() throws Exception {
        for (int i = 0; i < 40; i++) {
            minutes("310101", 50 + (i % 3) - 1); // 49, 50, 51: the usual Sunday-morning air
        }
        assertThat(alerts()).isEmpty();
        minutes("310101", 70, 70);              // below blue (75): no level alert, but far from usual
        assertThat(alerts(AnomalyRule.RULE)).isEmpty(); // two strikes are not enough
        minutes("310101", 70);
        assertThat(alerts()).extracting(AlertEvent::rule, AlertEvent::kind, AlertEvent::level)
                .containsExactly(tuple(AnomalyRule.RULE, AlertKind.OPENED, Level.BLUE));
        minutes("310101", 50);
        assertThat(alerts(AnomalyRule.RULE)).extracting(AlertEvent::kind)
                .containsExactly(AlertKind.OPENED, AlertKind.RESOLVED);
    }

    @Test
    void anAnomalyNeedsAWarmedUpBaseline() throws Exception {
        minutes("310101", 50, 50, 50, 50, 70, 70, 70, 70);
        assertThat(alerts(AnomalyRule.RULE)).isEmpty();
    }

    @Test
    void silenceRaisesNoDataThroughAnEventTimeTimerAndDataResolvesIt() throws Exception {
        minutes("310101", 40, 40, 40);
        long lastEnd = T0.plus(Duration.ofMinutes(3)).toEpochMilli();
        harness.processWatermark(lastEnd + Duration.ofMinutes(4).toMillis());
        assertThat(alerts(NoDataRule.RULE)).isEmpty();
        harness.processWatermark(lastEnd + Duration.ofMinutes(5).toMillis());
        assertThat(alerts(NoDataRule.RULE)).extracting(AlertEvent::kind, AlertEvent::level)
                .containsExactly(tuple(AlertKind.OPENED, Level.BLUE));
        minute = 10;
        minutes("310101", 41);
        assertThat(alerts(NoDataRule.RULE)).extracting(AlertEvent::kind)
                .containsExactly(AlertKind.OPENED, AlertKind.RESOLVED);
    }

    @Test
    void aSeriesSilentForADayIsRetiredWithNoStateOrTimerLeft() throws Exception {
        minutes("310101", 130, 130, 130);       // a level alert is open when the feed dies
        minutes("310115", 40);
        harness.processWatermark(T0.plus(Duration.ofHours(26)).toEpochMilli());

        assertThat(alerts()).filteredOn(a -> a.district().equals("310101"))
                .extracting(AlertEvent::rule, AlertEvent::kind).containsExactlyInAnyOrder(
                        tuple(LevelRule.RULE, AlertKind.OPENED),
                        tuple(NoDataRule.RULE, AlertKind.OPENED),
                        tuple(NoDataRule.RULE, AlertKind.RESOLVED),
                        tuple(LevelRule.RULE, AlertKind.RESOLVED));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void districtsAreIndependent() throws Exception {
        minutes("310101", 130, 130);
        minute = 0;
        minutes("310115", 60, 60);
        assertThat(alerts()).extracting(AlertEvent::district).containsOnly("310101");
    }

    @Test
    void aLateCorrectionOfAnOlderWindowDoesNotRewriteAlerts() throws Exception {
        minutes("310101", 40, 40, 40);
        Instant start = T0; // minute 0 again, now corrected upwards
        harness.processElement(new IndicatorValue("test.pm25", "310101", start, start.plusSeconds(60), 300, 11,
                Level.RED, 2), start.plusSeconds(59).toEpochMilli());
        assertThat(alerts()).isEmpty();
    }

    @Test
    void replayingTheSameValuesGivesTheSameAlertIdsAndVersions() throws Exception {
        minutes("310101", 130, 130, 40, 40);
        List<String> first = alerts().stream().map(a -> a.alertId() + "/" + a.version()).toList();
        close();
        open();
        minutes("310101", 130, 130, 40, 40);
        assertThat(alerts().stream().map(a -> a.alertId() + "/" + a.version()).toList()).isEqualTo(first)
                .isNotEmpty();
    }
}
