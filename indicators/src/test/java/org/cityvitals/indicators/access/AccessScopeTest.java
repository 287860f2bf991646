package org.cityvitals.indicators.access;

import org.cityvitals.indicators.city.CityProfiles;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cities are tenants: nothing of one city is in the scope of a user bound to another. */
class AccessScopeTest {

    private static final AccessScope SHANGHAI_CENTRE = new AccessScope(Set.of("shanghai"), true, Set.of());
    private static final AccessScope DONGCHENG = new AccessScope(Set.of("beijing"), false, Set.of("110101"));

    @Test
    void anOperationsCentreSeesEveryDistrictAndTheCityWideSeriesOfItsCityOnly() {
        assertThat(SHANGHAI_CENTRE.allows("310101")).isTrue();
        assertThat(SHANGHAI_CENTRE.allows("310000")).as("Shanghai's city-wide series").isTrue();
        assertThat(SHANGHAI_CENTRE.allows("110101")).as("a Beijing district").isFalse();
        assertThat(SHANGHAI_CENTRE.allows("110000")).as("Beijing city-wide").isFalse();
        assertThat(SHANGHAI_CENTRE.coversCity(CityProfiles.byId("shanghai"))).isTrue();
        assertThat(SHANGHAI_CENTRE.coversCity(CityProfiles.byId("beijing"))).isFalse();
    }

    @Test
    void aDispatcherSeesTheirDistrictsAndNotTheCityWideSeries() {
        assertThat(DONGCHENG.allows("110101")).isTrue();
        assertThat(DONGCHENG.allows("110102")).isFalse();
        assertThat(DONGCHENG.allows("110000")).isFalse();
        assertThat(DONGCHENG.allows("310101")).isFalse();
        assertThat(DONGCHENG.allows("no-such-area")).isFalse();
    }

    @Test
    void aDistrictOfAnotherCityCannotBeGiven() {
        assertThatThrownBy(() -> new AccessScope(Set.of("beijing"), false, Set.of("310101")))
                .hasMessageContaining("310101").hasMessageContaining("beijing");
        assertThatThrownBy(() -> new AccessScope(Set.of("beijing"), false, Set.of("110000")))
                .as("a city code is not a district").hasMessageContaining("110000");
        assertThatThrownBy(() -> new AccessScope(Set.of(), true, Set.of())).hasMessageContaining("city");
    }
}
