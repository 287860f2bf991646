package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's promises, checked on its generated events without Kafka. */
class SimulatorTest {
    /** Monday 2024-05-06 00:00 in Shanghai. */
    private static final Instant MONDAY = Instant.parse("2024-05-05T16:00:00Z");
    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.loadDefault();
    private static final String HIT = "310101";
    private static final String QUIET = "310115";

    @Test
    void sameSeedGivesTheSameEventsAndAnotherSeedDoesNot() {
        List<String> first = run(7, 500, 200, true).wire;
        List<String> second = run(7, 500, 200, true).wire;
        List<String> otherSeed = run(8, 500, 200, true).wire;

        assertThat(first).hasSizeGreaterThan(200 * 432).isEqualTo(second);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void everyCatalogueMetricIsReportedInEveryDistrictAndPassesTheDataStandard() {
        RecordingSink sink = run(1, 1000, 1, false);

        // every metric of the city's sensor networks; a user's generic series is not simulated
        Set<String> catalogueMetrics = CATALOGUE.all().stream().filter(i -> i.source().isMetric())
                .map(i -> i.source().metric()).filter(m -> !m.equals(MetricRegistry.GENERIC)).collect(Collectors.toSet());
        Map<String, Set<String>> districtsByMetric = sink.readings.stream().collect(Collectors.groupingBy(
                Reading::metric, Collectors.mapping(Reading::district, Collectors.toSet())));
        Set<String> shanghai = CityProfiles.shanghai().districts().stream().map(District::code)
                .collect(Collectors.toSet());
        assertThat(shanghai).hasSize(16);
        assertThat(districtsByMetric.keySet()).containsAll(catalogueMetrics);
        catalogueMetrics.forEach(m -> assertThat(districtsByMetric.get(m)).as(m).isEqualTo(shanghai));
        SensorRegistry registry = SensorRegistry.shanghai();
        assertThat(sink.readings).allSatisfy(r -> {
            assertThat(EventCodec.decodeReading(EventCodec.toJsonBytes(r)).problems()).isEmpty();
            assertThat(registry.rejectionReason(r)).isEmpty();
        });
    }

    @Test
    void anOrdinaryDayKeepsEveryIndicatorNormalInEveryDistrict() {
        RecordingSink sink = run(3, 432 / 60.0, 26 * 60, false); // one reading per sensor and minute, 26 hours
        IndicatorProbe probe = new IndicatorProbe(sink);

        List<String> raised = new ArrayList<>();
        for (int hour = 2; hour <= 26; hour++) {
            Instant end = MONDAY.plus(Duration.ofHours(hour));
            for (IndicatorDefinition indicator : CATALOGUE.all()) {
                if (indicator.thresholds() == null || indicator.source().isQuality()
                        || indicator.source().isSituations()) {
                    continue; // no levels to reach, the platform's own data quality, or the centre's response times
                }
                for (District district : CityProfiles.shanghai().districts()) {
                    Level level = probe.level(indicator, district.code(), end);
                    if (level != Level.NORMAL) {
                        raised.add(indicator.id() + " " + district.code() + " at +" + hour + "h: " + level + " ("
                                + probe.value(indicator, district.code(), end).getAsDouble() + ")");
                    }
                }
            }
        }
        assertThat(raised).isEmpty();
        assertThat(sink.incidents).extracting(s -> s.incident().status())
                .contains(IncidentStatus.REPORTED, IncidentStatus.DISPATCHED, IncidentStatus.RESOLVED);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void eachScenarioPushesItsIndicatorsPastTheirLevelsOnlyWhereAndWhileItRuns(Scenario scenario) {
        Map<String, Level> expected = expectedLevels(scenario);
        Instant tenAm = MONDAY.plus(Duration.ofHours(10));
        CityGenerator generator = generator(11, 432 / 30.0, tenAm);
        generator.inject(scenario, Set.of(HIT), Duration.ofMinutes(150));
        RecordingSink sink = new RecordingSink(false);
        int rounds = (int) (Duration.ofHours(4).toSeconds() / 30);
        for (int i = 0; i < rounds; i++) generator.nextRound(sink);
        IndicatorProbe probe = new IndicatorProbe(sink);

        Instant during = tenAm.plus(Duration.ofHours(2));
        Instant after = tenAm.plus(Duration.ofHours(4));
        expected.forEach((id, level) -> {
            IndicatorDefinition indicator = CATALOGUE.byId(id).orElseThrow();
            assertThat(probe.level(indicator, HIT, during)).as(id + " in " + HIT).matches(l -> l.atLeast(level),
                    "at least " + level);
            assertThat(probe.level(indicator, QUIET, during)).as(id + " in " + QUIET).isEqualTo(Level.NORMAL);
        });
        List<String> metricIndicators = expected.keySet().stream()
                .filter(id -> CATALOGUE.byId(id).orElseThrow().source().isMetric()
                        && CATALOGUE.byId(id).orElseThrow().window().size().compareTo(Duration.ofHours(1)) <= 0)
                .toList();
        metricIndicators.forEach(id -> assertThat(probe.level(CATALOGUE.byId(id).orElseThrow(), HIT, after))
                .as(id + " after the scenario ended").isEqualTo(Level.NORMAL));
    }

    @Test
    void anyCityIsSimulatedWithItsStandardKitOnItsOwnClock() {
        CityProfile beijing = CityProfiles.byId("beijing");
        SensorRegistry kit = SensorRegistry.of(beijing);
        // Monday 2024-05-06 08:00 in Beijing (UTC+8) is 00:00 UTC; 03:00 there is 19:00 UTC the day before
        double rush = meanTrafficIndex(beijing, kit, Instant.parse("2024-05-06T00:00:00Z"));
        double night = meanTrafficIndex(beijing, kit, Instant.parse("2024-05-05T19:00:00Z"));

        assertThat(rush).isGreaterThan(night + 1);
        RecordingSink sink = new RecordingSink(false);
        new CityGenerator(SimulatorConfig.simulated(9, 1000, MONDAY).inCity(beijing), beijing, kit.all())
                .nextRound(sink);
        assertThat(sink.readings).hasSize(kit.all().size()).allSatisfy(r -> {
            assertThat(kit.rejectionReason(r)).isEmpty();
            assertThat(beijing.district(r.district())).isPresent();
        });
    }

    private static double meanTrafficIndex(CityProfile city, SensorRegistry kit, Instant at) {
        RecordingSink sink = new RecordingSink(false);
        new CityGenerator(SimulatorConfig.simulated(4, 1000, at).inCity(city), city, kit.all()).nextRound(sink);
        return sink.readings.stream().filter(r -> r.metric().equals("traffic_index")).mapToDouble(Reading::value)
                .average().orElseThrow();
    }

    /** The indicators a real event of each kind trips, and the least level the scenario must reach. */
    private static Map<String, Level> expectedLevels(Scenario scenario) {
        return switch (scenario) {
            case RAINSTORM_FLOODING -> Map.of("weather.rain_3h", Level.RED, "flood.ponding_depth", Level.ORANGE,
                    "flood.river_level", Level.YELLOW, "flood.river_rise_rate", Level.RED,
                    "traffic.arterial_speed", Level.ORANGE);
            case POLLUTION_EPISODE -> Map.of("air.pm25", Level.RED, "air.pm10", Level.RED, "air.aqi", Level.RED,
                    "air.no2", Level.BLUE);
            case RUSH_HOUR_GRIDLOCK -> Map.of("traffic.tpi", Level.ORANGE, "traffic.expressway_speed", Level.ORANGE,
                    "traffic.arterial_speed", Level.ORANGE, "traffic.volume", Level.ORANGE,
                    "safety.police_new_per_hour", Level.YELLOW);
            case WATER_MAIN_BURST -> Map.of("water.pressure_min", Level.RED, "water.pressure_compliance", Level.RED,
                    "water.turbidity", Level.RED, "water.fault_backlog", Level.RED);
            case POWER_OUTAGE -> Map.of("power.outage_customers", Level.RED, "power.voltage_deviation", Level.RED,
                    "power.fault_backlog", Level.RED, "infra.streetlight_lit_ratio", Level.RED);
            case HOTLINE_SURGE -> Map.of("hotline.new_per_hour", Level.RED, "hotline.backlog", Level.YELLOW);
        };
    }

    private static CityGenerator generator(long seed, double eventsPerSecond, Instant start) {
        return new CityGenerator(SimulatorConfig.simulated(seed, eventsPerSecond, start), CityProfiles.shanghai(),
                SensorRegistry.shanghai().all());
    }

    /** {@code rounds} rounds from Monday 00:00; the determinism check also injects a scenario, to cover that too. */
    private static RecordingSink run(long seed, double eventsPerSecond, int rounds, boolean keepWire) {
        CityGenerator generator = generator(seed, eventsPerSecond, MONDAY);
        if (keepWire) generator.inject(Scenario.POLLUTION_EPISODE, Set.of(HIT), Duration.ofHours(1));
        RecordingSink sink = new RecordingSink(keepWire);
        for (int i = 0; i < rounds; i++) generator.nextRound(sink);
        return sink;
    }
}
