package org.cityvitals.jobs;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.jobs.testing.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cityvitals.jobs.testing.Events.dispatched;
import static org.cityvitals.jobs.testing.Events.reading;
import static org.cityvitals.jobs.testing.Events.reported;
import static org.cityvitals.jobs.testing.Events.resolved;

/**
 * The whole topology on a list of events, with the shipped catalogue: district and city-wide semantics, units, data
 * quality, instant rules and the city's health. Every expected value is worked out by hand in the comments.
 */
class VitalSignsJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** Monday 2 March 2026, 08:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final String SHANGHAI = "310000";
    private static Topology run;

    @BeforeAll
    static void runTheTopologyOnceForAllChecks() throws Exception {
        List<Reading> readings = new ArrayList<>();
        // PM2.5 in the first minute: Huangpu 100 and 120 (mean 110, blue), Xuhui 40, 50, 60 (mean 50), Putuo one
        // sensor at 300 (red).
        readings.add(reading("pm25", "a", "310101", T0.plusSeconds(10), 100));
        readings.add(reading("pm25", "b", "310101", T0.plusSeconds(10), 120));
        readings.add(reading("pm25", "c", "310104", T0.plusSeconds(10), 40));
        readings.add(reading("pm25", "d", "310104", T0.plusSeconds(10), 50));
        readings.add(reading("pm25", "e", "310104", T0.plusSeconds(10), 60));
        readings.add(reading("pm25", "f", "310107", T0.plusSeconds(10), 300));
        // 4 mm of rain in each of the 16 districts at 08:01
        for (var d : CityProfiles.shanghai().districts()) {
            readings.add(reading("rainfall", "rain-" + d.code(), d.code(), T0.plusSeconds(60), 4));
        }
        // Changning's gas: a good 0.5 %LEL, then one faulty reading of 120 %LEL that ingest marked suspect
        readings.add(reading("gas_lel", "g1", "310105", T0.plusSeconds(20), 0.5));
        readings.add(reading("gas_lel", "g2", "310105", T0.plusSeconds(30), 120, Quality.SUSPECT));
        // Jing'an's gas: a valid 60 %LEL at 08:00:15 (orange at once), then 1 %LEL in the next minute
        readings.add(reading("gas_lel", "g3", "310106", T0.plusSeconds(15), 60));
        readings.add(reading("gas_lel", "g3", "310106", T0.plusSeconds(75), 1));
        // a later reading that moves event time on, so every window above closes
        readings.add(reading("pm25", "a", "310101", T0.plus(Duration.ofHours(4)), 30));

        // one 12345 case in Huangpu: reported at 08:00 (delivered twice), dispatched after 30 min, resolved after 2 h
        Incident report = reported("h-1", IncidentSource.HOTLINE_12345, "noise", "310101", T0);
        List<Incident> incidents = List.of(report, report, dispatched(report, T0.plus(Duration.ofMinutes(30))),
                resolved(report, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(2))));
        run = Topology.run(readings, incidents, "--out-of-orderness", "0s");
    }

    @Test
    void aCityMeanIsTheMeanOverAllItsSensorsNotOverDistrictMeans() {
        assertThat(run.values("air.pm25", "310101")).first()
                .extracting(IndicatorValue::value, IndicatorValue::level).containsExactly(110.0, Level.BLUE);
        // (100 + 120 + 40 + 50 + 60 + 300) / 6 = 111.67; the mean of the district means would be (110 + 50 + 300) / 3
        assertThat(run.values("air.pm25", SHANGHAI)).first().satisfies(v -> {
            assertThat(v.value()).isCloseTo(670 / 6.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(v.samples()).isEqualTo(6);
            assertThat(v.windowStart()).isEqualTo(T0);
        });
    }

    @Test
    void cityRainfallIsTheMeanOfItsDistrictsNotTheirSum() {
        // 16 districts with 4 mm each: every district's 3-hour sum is 4 and so is the city's, not 64 (orange)
        List<IndicatorValue> city = run.values("weather.rain_3h", SHANGHAI);
        assertThat(city).isNotEmpty().allSatisfy(v -> {
            assertThat(v.value()).isEqualTo(4.0);
            assertThat(v.level()).isEqualTo(Level.NORMAL);
        });
        assertThat(run.values("weather.rain_3h", "310115")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.value()).isEqualTo(4.0));
    }

    @Test
    void aSuspectReadingNeverEntersAnIndicatorButIsCountedAsRejected() {
        assertThat(run.values("gas.leak_lel", "310105")).extracting(IndicatorValue::value).containsExactly(0.5);
        assertThat(run.values("dq.gas.rejected", "310105")).extracting(IndicatorValue::value).contains(1.0);
        assertThat(run.alerts.received()).noneMatch(a -> a.district().equals("310105")
                && a.indicatorId().equals("gas.leak_lel") && a.rule().equals("level"));
    }

    @Test
    void oneValidGasReadingOpensTheAlertAtOnceAndTheWindowResolvesIt() {
        List<AlertEvent> gas = run.alerts.received().stream()
                .filter(a -> a.indicatorId().equals("gas.leak_lel") && a.district().equals("310106")
                        && a.rule().equals("level")).toList();
        // opened by the reading at 08:00:15, before its window closed; orange is 50 ≤ 60 < 75 (GB/T 50493-2019)
        assertThat(gas).extracting(AlertEvent::kind, AlertEvent::level, AlertEvent::version, AlertEvent::eventTime)
                .containsExactly(
                        tuple(AlertKind.OPENED, Level.ORANGE, 1, T0.plusSeconds(15)),
                        tuple(AlertKind.RESOLVED, Level.NORMAL, 2, T0.plusSeconds(120)));
        assertThat(gas).allSatisfy(a -> {
            assertThat(a.since()).isEqualTo(T0.plusSeconds(15));
            assertThat(a.audience()).isEqualTo(AlertAudience.OPERATIONS);
            assertThat(a.origin()).isEqualTo(Origin.LIVE);
        });
        assertThat(gas.get(0).alertId()).isEqualTo(gas.get(1).alertId());
    }

    @Test
    void incidentDurationsAreInTheIndicatorsUnitAndEachStageCountsOnce() {
        // resolved 2 h after the report: hotline.resolve_p50 is in hours, so 2
        assertThat(run.values("hotline.resolve_p50", "310101")).extracting(IndicatorValue::value).containsOnly(2.0);
        // dispatched after 30 min: hotline.dispatch_p50 is in minutes
        assertThat(run.values("hotline.dispatch_p50", "310101")).extracting(IndicatorValue::value)
                .containsOnly(30.0);
        // the report was delivered twice and counts once: 1 case in the 1-hour window, 1 per hour
        assertThat(run.values("hotline.new_per_hour", "310101")).extracting(IndicatorValue::value)
                .contains(1.0).doesNotContain(2.0);
    }

    @Test
    void aQuietDistrictReadsZeroAndCityCountsAddUpWithoutDistrictLevels() {
        // no case in Xuhui: its new cases per hour read 0 (the count series exists since Huangpu's report)
        assertThat(run.values("hotline.new_per_hour", "310104")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.value()).isZero());
        assertThat(run.values("hotline.new_per_hour", SHANGHAI)).extracting(IndicatorValue::value).contains(1.0)
                .allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(1.0));
        assertThat(run.alerts.received()).noneMatch(a -> a.rule().equals("no_data")
                && a.indicatorId().startsWith("hotline."));
    }

    @Test
    void aDistrictAtRedHoldsTheCityHealthAtEightyOrBelow() {
        // Putuo's PM2.5 is red in the first minute: its score is at most 40 and the city's at most 80
        HealthScoreValue putuo = scoreAt("310107", T0.plusSeconds(60));
        assertThat(putuo.worstLevel()).isEqualTo(Level.RED);
        assertThat(putuo.score()).isLessThanOrEqualTo(40);
        HealthScoreValue city = scoreAt(SHANGHAI, T0.plusSeconds(60));
        assertThat(city.worstLevel()).isEqualTo(Level.RED);
        assertThat(city.score()).isLessThanOrEqualTo(80).isGreaterThan(40);
    }

    private static HealthScoreValue scoreAt(String area, Instant minuteEnd) {
        return run.health.received().stream()
                .filter(h -> h.district().equals(area) && h.windowStart().equals(minuteEnd.minusSeconds(60)))
                .max(java.util.Comparator.comparingLong(HealthScoreValue::version)).orElseThrow();
    }
}
