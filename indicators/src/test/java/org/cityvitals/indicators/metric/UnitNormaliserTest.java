package org.cityvitals.indicators.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitNormaliserTest {
    private final MetricRegistry metrics = MetricRegistry.loadDefault();

    private double canonical(String metric, double value, String unit) {
        return UnitNormaliser.toCanonical(metrics.byId(metric).orElseThrow(), value, unit).orElseThrow();
    }

    @Test
    void kelvinFromTheI94DataBecomesCelsius() {
        assertThat(canonical("temperature", 288.28, "K")).isCloseTo(15.13, within(1e-9));
    }

    @Test
    void fahrenheitBecomesCelsius() {
        assertThat(canonical("temperature", 212, "degF")).isCloseTo(100, within(1e-9));
    }

    @Test
    void beijingCoInMicrogramsBecomesMilligrams() {
        assertThat(canonical("co", 1300, "ug/m3")).isCloseTo(1.3, within(1e-9));
    }

    @Test
    void milligramsOfPm25BecomeMicrograms() {
        assertThat(canonical("pm25", 0.075, "mg/m3")).isCloseTo(75, within(1e-9));
    }

    @Test
    void waterPressureInKilopascalBecomesMegapascal() {
        assertThat(canonical("water_pressure", 140, "kPa")).isCloseTo(0.14, within(1e-12));
    }

    @Test
    void canonicalUnitInAnotherSpellingIsKeptAsIs() {
        assertThat(canonical("pm25", 42, "μg/m³")).isEqualTo(42);
    }

    @Test
    void unknownConversionIsEmptyRatherThanGuessed() {
        assertThat(UnitNormaliser.toCanonical(metrics.byId("pm25").orElseThrow(), 1, "ppm")).isEmpty();
    }

    @Test
    void everyMetricHasAPlausibleRange() {
        assertThat(metrics.all()).allSatisfy(m -> assertThat(m.plausibleMin()).isLessThan(m.plausibleMax()));
        assertThat(metrics.byId("pm25").orElseThrow().isPlausible(5000)).isFalse();
        assertThat(metrics.byId("pm25").orElseThrow().isPlausible(80)).isTrue();
    }
}
