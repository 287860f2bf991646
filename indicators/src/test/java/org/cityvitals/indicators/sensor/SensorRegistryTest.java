package org.cityvitals.indicators.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.signal.RejectReason;
import org.junit.jupiter.api.Test;

class SensorRegistryTest {
    private final SensorRegistry registry = SensorRegistry.shanghai();

    @Test
    void shanghaiRegistryCoversEveryCatalogueMetricInEveryDistrict() {
        // every metric a city's sensor networks report; a user's generic series is not one of them
        Set<String> metrics = IndicatorCatalogue.loadDefault().all().stream()
                .filter(d -> d.source().isMetric()).map(IndicatorDefinition::source)
                .map(s -> s.metric()).filter(m -> !m.equals(MetricRegistry.GENERIC)).collect(Collectors.toSet());
        for (District district : CityProfiles.shanghai().districts()) {
            Set<String> covered = registry.all().stream().filter(s -> s.district().equals(district.code()))
                    .map(Sensor::metric).collect(Collectors.toSet());
            assertThat(covered).as(district.code()).containsAll(metrics);
        }
    }

    @Test
    void unknownSensorsAreRejected() {
        Reading stranger = reading("sh-999999-pm25-01", "pm25", "310101");
        assertThat(registry.rejectionReason(stranger)).contains(RejectReason.UNKNOWN_SENSOR);
        assertThat(registry.lookup("nobody")).isEmpty();
    }

    @Test
    void readingsMustMatchTheSensorsMetricAndDistrict() {
        assertThat(registry.rejectionReason(reading("sh-310101-pm25-01", "pm25", "310101"))).isEmpty();
        assertThat(registry.rejectionReason(reading("sh-310101-pm25-01", "pm10", "310101")))
                .contains(RejectReason.METRIC_MISMATCH);
        assertThat(registry.rejectionReason(reading("sh-310101-pm25-01", "pm25", "310104")))
                .contains(RejectReason.DISTRICT_MISMATCH);
    }

    @Test
    void badRowsAreReportedWithFileAndLine() {
        String csv = SensorRegistry.HEADER + "\n"
                + "a,pm25,310101,31.2,121.4,µg/m³\n"
                + "b,pm2.5,310101,31.2,121.4,µg/m³\n"
                + "c,pm25,110101,31.2,121.4,µg/m³\n"
                + "d,pm25,310101,31.2,121.4,mg/m³\n"
                + "a,pm25,310101,31.2,121.4,µg/m³\n";
        assertThatThrownBy(() -> SensorRegistry.parse(new StringReader(csv), "s.csv", CityProfiles.shanghai()))
                .hasMessage("""
                        s.csv:3: unknown metric 'pm2.5'
                        s.csv:4: unknown district '110101' in shanghai
                        s.csv:5: unit 'mg/m³' is not the canonical unit of pm25 (µg/m³)
                        s.csv:6: duplicate sensor id 'a'""");
    }

    @Test
    void everyOtherCityGetsTheStandardKitAtItsDistrictCentroids() {
        Set<String> kit = registry.all().stream().map(Sensor::metric).collect(Collectors.toSet());
        CityProfile beijing = CityProfiles.byId("beijing");
        SensorRegistry generated = SensorRegistry.of(beijing);

        assertThat(generated.all()).hasSize(kit.size() * beijing.districts().size());
        assertThat(generated.lookup("beijing-110101-pm25-01")).get()
                .satisfies(s -> assertThat(s.district()).isEqualTo("110101"))
                .satisfies(s -> assertThat(s.unit()).isEqualTo("µg/m³"));
        assertThat(SensorRegistry.of(CityProfiles.byId("new-york")).all())
                .allSatisfy(s -> assertThat(s.lat()).isNull());
        // the shipped Shanghai sensors stand around the centroid of their district's main polygon, placed by hand
        // when the file was made: the computed centroid must be their mean
        Map<String, Sensor> shanghaiKit = SensorRegistry.standardKit(CityProfiles.shanghai()).all().stream()
                .collect(Collectors.toMap(Sensor::district, s -> s, (a, b) -> a));
        for (District district : CityProfiles.shanghai().districts()) {
            double lat = registry.all().stream().filter(s -> s.district().equals(district.code()))
                    .mapToDouble(Sensor::lat).average().orElseThrow();
            double lon = registry.all().stream().filter(s -> s.district().equals(district.code()))
                    .mapToDouble(Sensor::lon).average().orElseThrow();
            assertThat(shanghaiKit.get(district.code()).lat()).as(district.code()).isCloseTo(lat, within(1e-3));
            assertThat(shanghaiKit.get(district.code()).lon()).as(district.code()).isCloseTo(lon, within(1e-3));
        }
    }

    @Test
    void anExtensionAddsSensorsOnceAndRefusesConflictingOnes() {
        Sensor taxi = new Sensor("nyc-taxi", MetricRegistry.GENERIC, "36061", null, null, "1");
        SensorRegistry extended = registry.with(List.of(taxi)).with(List.of(taxi));

        assertThat(extended.rejectionReason(new Reading("nyc-taxi", "generic", 10844, "1",
                Instant.parse("2014-07-01T04:00:00Z"), "36061", null, null, Quality.GOOD))).isEmpty();
        assertThat(registry.lookup("nyc-taxi")).isEmpty();
        assertThatThrownBy(() -> extended.with(List.of(new Sensor("nyc-taxi", "generic", "36047", null, null, "1"),
                new Sensor("x", "generic", "nowhere", null, null, "1"))))
                .hasMessageContaining("sensor 'nyc-taxi': already registered as")
                .hasMessageContaining("sensor 'x': district 'nowhere' is no district of any city profile");
    }

    private static Reading reading(String sensor, String metric, String district) {
        return new Reading(sensor, metric, 1, "µg/m³", Instant.parse("2026-11-26T08:00:00Z"), district, null, null,
                Quality.GOOD);
    }
}
