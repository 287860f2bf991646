package org.cityvitals.indicators.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.junit.jupiter.api.Test;

class SensorRegistryTest {
    private final SensorRegistry registry = SensorRegistry.shanghai();

    @Test
    void shanghaiRegistryCoversEveryCatalogueMetricInEveryDistrict() {
        // every metric a city's sensor networks report; a user's generic series is not one of them
        Set<String> metrics = IndicatorCatalogue.loadDefault().all().stream()
                .filter(d -> d.source().isMetric() && !d.source().metric().equals("generic"))
                .map(IndicatorDefinition::source)
                .map(s -> s.metric()).collect(Collectors.toSet());
        for (District district : CityProfiles.shanghai().districts()) {
            Set<String> covered = registry.all().stream().filter(s -> s.district().equals(district.code()))
                    .map(Sensor::metric).collect(Collectors.toSet());
            assertThat(covered).as(district.code()).containsAll(metrics);
        }
    }

    @Test
    void unknownSensorsAreRejectedAndCounted() {
        Reading stranger = reading("sh-999999-pm25-01", "pm25", "310101");
        assertThat(registry.rejectionReason(stranger)).contains(SensorRegistry.UNKNOWN_SENSOR);
        assertThat(registry.lookup("nobody")).isEmpty();
        assertThat(registry.unknownLookups()).isEqualTo(2);
    }

    @Test
    void readingsMustMatchTheSensorsMetricAndDistrict() {
        assertThat(registry.rejectionReason(reading("sh-310101-pm25-01", "pm25", "310101"))).isEmpty();
        assertThat(registry.rejectionReason(reading("sh-310101-pm25-01", "pm10", "310101")))
                .contains(SensorRegistry.METRIC_MISMATCH);
        assertThat(registry.rejectionReason(reading("sh-310101-pm25-01", "pm25", "310104")))
                .contains(SensorRegistry.DISTRICT_MISMATCH);
        assertThat(registry.unknownLookups()).isZero();
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

    private static Reading reading(String sensor, String metric, String district) {
        return new Reading(sensor, metric, 1, "µg/m³", Instant.parse("2026-11-26T08:00:00Z"), district, null, null,
                Quality.GOOD);
    }
}
