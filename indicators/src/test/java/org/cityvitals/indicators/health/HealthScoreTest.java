package org.cityvitals.indicators.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.junit.jupiter.api.Test;

class HealthScoreTest {
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();

    private IndicatorDefinition id(String id) {
        return catalogue.byId(id).orElseThrow();
    }

    @Test
    void allNormalOrNothingReportedIsAHundred() {
        assertThat(HealthScore.score(Map.of())).isEqualTo(100);
        assertThat(HealthScore.score(Map.of(id("air.pm25"), Level.NORMAL))).isEqualTo(100);
    }

    @Test
    void allRedIsZero() {
        Map<IndicatorDefinition, Level> levels = new LinkedHashMap<>();
        catalogue.all().forEach(d -> levels.put(d, Level.RED));
        assertThat(HealthScore.score(levels)).isZero();
    }

    /** The worked example in indicators/README.md. */
    @Test
    void workedExampleFromTheReadme() {
        Map<IndicatorDefinition, Level> levels = new LinkedHashMap<>();
        levels.put(id("air.pm25"), Level.YELLOW);          // weight 3, penalty 0.5
        levels.put(id("traffic.tpi"), Level.BLUE);         // weight 3, penalty 0.25
        levels.put(id("water.pressure_min"), Level.NORMAL); // weight 3
        levels.put(id("gas.leak_lel"), Level.NORMAL);       // weight 4
        levels.put(id("hotline.backlog"), Level.NORMAL);    // weight 2
        // cost 3×0.5 + 3×0.25 = 2.25 of weight 15 → 100 × (1 − 0.15) = 85, capped at 75 by the yellow
        assertThat(HealthScore.score(levels)).isCloseTo(75, within(1e-9));
        levels.put(id("air.pm25"), Level.BLUE);
        // cost 1.5 of 15 → 90, and the cap for blue is 90
        assertThat(HealthScore.score(levels)).isCloseTo(90, within(1e-9));
    }

    @Test
    void weightedMeanDecidesWhenItIsBelowTheCap() {
        Map<IndicatorDefinition, Level> levels = Map.of(id("air.pm25"), Level.ORANGE, id("gas.leak_lel"), Level.ORANGE);
        // penalty 0.75 everywhere → 25, below the orange cap of 60
        assertThat(HealthScore.score(levels)).isCloseTo(25, within(1e-9));
    }

    @Test
    void oneRedAmongManyGoodIndicatorsStillShows() {
        Map<IndicatorDefinition, Level> levels = new LinkedHashMap<>();
        catalogue.all().forEach(d -> levels.put(d, Level.NORMAL));
        levels.put(id("gas.leak_lel"), Level.RED);
        assertThat(HealthScore.score(levels)).isEqualTo(40);
    }
}
