package org.cityvitals.jobs.alert;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.jobs.CatalogueText;
import org.cityvitals.jobs.window.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LevelAlertFunctionTest {

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
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, IndicatorValue, AlertEvent> harness;
    private int minute;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new LevelAlertFunction(CATALOGUE)),
                v -> Sample.seriesKey(v.indicatorId(), v.district()), Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void minuteWithValue(String district, double value) throws Exception {
        Instant start = T0.plus(Duration.ofMinutes(minute));
        harness.processElement(new IndicatorValue("test.pm25", district, start, start.plusSeconds(60), value, 10,
                Level.NORMAL, 1), start.plusSeconds(60).toEpochMilli() - 1);
    }

    private void minutes(String district, double... values) throws Exception {
        for (double v : values) {
            minuteWithValue(district, v);
            minute++;
        }
    }

    private List<AlertEvent> alerts() {
        return harness.extractOutputValues();
    }

    @Test
    void opensOnlyAfterTheLevelHeldForItsDurationThenChangesAndResolves() throws Exception {
        minutes("310101", 120);          // yellow for one window: not yet
        assertThat(alerts()).isEmpty();
        minutes("310101", 121, 160, 170, 40);

        assertThat(alerts()).extracting(AlertEvent::kind, AlertEvent::level, AlertEvent::version)
                .containsExactly(
                        tuple(AlertKind.OPENED, Level.YELLOW, 1),
                        tuple(AlertKind.LEVEL_CHANGED, Level.ORANGE, 2));
        minutes("310101", 41);
        assertThat(alerts()).extracting(AlertEvent::kind, AlertEvent::level, AlertEvent::previousLevel)
                .last().isEqualTo(tuple(AlertKind.RESOLVED, Level.NORMAL, Level.ORANGE));
        assertThat(alerts()).extracting(AlertEvent::alertId).containsOnly(
                LevelAlertFunction.alertId("test.pm25", "310101", T0.toEpochMilli()));
    }

    @Test
    void aSignalOscillatingInsideTheHysteresisBandDoesNotFlap() throws Exception {
        minutes("310101", 120, 120);     // opens yellow
        for (int i = 0; i < 30; i++) {
            minutes("310101", 116, 111, 114, 110.5); // crosses 115 both ways but never falls past 115 - 5
        }
        assertThat(alerts()).extracting(AlertEvent::kind).containsExactly(AlertKind.OPENED);
    }

    @Test
    void aSpikeShorterThanTheForDurationRaisesNothing() throws Exception {
        for (int i = 0; i < 10; i++) {
            minutes("310101", 40, 200);
        }
        assertThat(alerts()).isEmpty();
    }

    @Test
    void districtsAreIndependentAndNoStateOrTimerOutlivesAResolvedAlert() throws Exception {
        minutes("310101", 130, 130);
        minute = 0;
        minutes("310115", 60, 60);
        assertThat(alerts()).extracting(AlertEvent::district).containsExactly("310101");
        minute = 2;
        minutes("310101", 50, 50);
        assertThat(alerts()).extracting(AlertEvent::kind).containsExactly(AlertKind.OPENED, AlertKind.RESOLVED);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void replayingTheSameValuesGivesTheSameAlertIds() throws Exception {
        minutes("310101", 130, 130, 40, 40);
        List<String> first = alerts().stream().map(a -> a.alertId() + "/" + a.version()).toList();
        close();
        open();
        minute = 0;
        minutes("310101", 130, 130, 40, 40);
        assertThat(alerts().stream().map(a -> a.alertId() + "/" + a.version()).toList()).isEqualTo(first);
    }
}
