package org.cityvitals.indicators.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
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

    @Test
    void platformIndicatorsNeverCount() {
        Map<IndicatorDefinition, Level> levels = Map.of(id("air.pm25"), Level.NORMAL,
                id("dq.air.completeness"), Level.RED);
        assertThat(HealthScore.score(levels)).isEqualTo(100);
    }

    /**
     * The worked example of indicators/README.md: Shanghai with Huangpu (662,030 people) at red and a district
     * score of 40, every other district at 100. The population-weighted mean is 100 − 60 × 662,030 / 24,872,529
     * = 98.40, but a red district caps the city at 80.
     */
    @Test
    void oneDistrictAtRedKeepsTheCityAtEightyAtMost() {
        List<HealthScore.DistrictScore> districts = new ArrayList<>();
        for (District d : CityProfiles.shanghai().districts()) {
            boolean huangpu = d.code().equals("310101");
            districts.add(new HealthScore.DistrictScore(huangpu ? 40 : 100, huangpu ? Level.RED : Level.NORMAL,
                    d.population()));
        }
        assertThat(HealthScore.city(districts, Map.of())).isCloseTo(80, within(1e-9));

        // the same district at orange with a score of 60: mean 98.94, capped at 85
        districts.set(0, new HealthScore.DistrictScore(60, Level.ORANGE, 662_030));
        assertThat(HealthScore.city(districts, Map.of())).isCloseTo(85, within(1e-9));
    }

    @Test
    void theMeanDecidesWhenManyDistrictsSuffer() {
        // all 16 districts at yellow with a score of 70: mean 70, below the yellow cap of 90
        List<HealthScore.DistrictScore> districts = new ArrayList<>();
        CityProfiles.shanghai().districts().forEach(d ->
                districts.add(new HealthScore.DistrictScore(70, Level.YELLOW, d.population())));
        assertThat(HealthScore.city(districts, Map.of())).isCloseTo(70, within(1e-9));
    }

    @Test
    void theCitysOwnIndicatorsCountToo() {
        List<HealthScore.DistrictScore> calm = List.of(new HealthScore.DistrictScore(100, Level.NORMAL, 1));
        // the city-wide mean PM2.5 at orange, its only own indicator: 100 × (1 − 0.75) = 25, below every cap
        assertThat(HealthScore.city(calm, Map.of(id("air.pm25"), Level.ORANGE))).isCloseTo(25, within(1e-9));
        assertThat(HealthScore.city(List.of(), Map.of())).isEqualTo(100);
    }
}
