package org.cityvitals.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Level;
import org.junit.jupiter.api.Test;

class DefaultCatalogueTest {
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();

    @Test
    void pm25IsTheWalkingSkeletonIndicator() {
        IndicatorDefinition pm25 = catalogue.byId("air.pm25").orElseThrow();
        assertThat(pm25.nameZh()).isEqualTo("PM2.5浓度");
        assertThat(pm25.nameEn()).isEqualTo("PM2.5 concentration");
        assertThat(pm25.source().metric()).isEqualTo("pm25");
        assertThat(pm25.unit()).isEqualTo("µg/m³");
        assertThat(pm25.aggregation()).isEqualTo(Aggregation.MEAN);
        assertThat(pm25.window()).isEqualTo(new Window(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        assertThat(pm25.direction()).isEqualTo(Direction.HIGHER_IS_WORSE);
        assertThat(pm25.thresholds().levelOf(120)).isEqualTo(Level.YELLOW);
        assertThat(pm25.hysteresis()).isEqualTo(5);
        assertThat(pm25.standard()).contains("HJ 633-2012");
        assertThat(catalogue.forMetric("pm25")).contains(pm25);
    }
}
