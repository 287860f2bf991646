package org.cityvitals.indicators.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityProfilesTest {

    @Test
    void shanghaiHasItsSixteenDistrictsInAsiaShanghai() {
        CityProfile shanghai = CityProfiles.shanghai();
        assertThat(shanghai.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.districts()).extracting(District::code).containsExactly("310101", "310104", "310105",
                "310106", "310107", "310109", "310110", "310112", "310113", "310114", "310115", "310116", "310117",
                "310118", "310120", "310151");
        District pudong = shanghai.district("310115").orElseThrow();
        assertThat(pudong.nameZh()).isEqualTo("浦东新区");
        assertThat(pudong.population()).isEqualTo(5_681_512);
        assertThat(shanghai.districts()).allSatisfy(d -> assertThat(d.areaKm2()).isPositive());
    }

    @Test
    void profilesForEveryReplayedDataSet() {
        assertThat(CityProfiles.all()).extracting(CityProfile::id)
                .containsExactly("shanghai", "beijing", "boston", "new-york", "aarhus", "tetouan", "i94");
        assertThat(CityProfiles.byId("new-york").districts()).hasSize(5);
        assertThat(CityProfiles.byId("tetouan").districts()).hasSize(3);
    }

    @Test
    void theOtherDistrictsOfADistrictAreItsCitysRestInOrder() {
        // city/profiles.yaml: Tetouan is split into the three zones of the UCI power data set
        assertThat(CityProfiles.byId("tetouan").districtsOtherThan("ma-tet-zone2"))
                .containsExactly("ma-tet-zone1", "ma-tet-zone3");
        assertThat(CityProfiles.shanghai().districtsOtherThan("310115")).hasSize(15).doesNotContain("310115");
        assertThat(CityProfiles.byId("tetouan").districtsOtherThan("ma-tetouan"))
                .containsExactly("ma-tet-zone1", "ma-tet-zone2", "ma-tet-zone3");
    }

    @Test
    void beijingStationsResolveToTheirDistricts() {
        CityProfile beijing = CityProfiles.byId("beijing");
        List<String> stations = List.of("Aotizhongxin", "Changping", "Dingling", "Dongsi", "Guanyuan", "Gucheng",
                "Huairou", "Nongzhanguan", "Shunyi", "Tiantan", "Wanliu", "Wanshouxigong");
        assertThat(stations).allSatisfy(s -> assertThat(beijing.resolve(s)).as(s).isPresent());
        assertThat(beijing.resolve("Wanliu").orElseThrow().nameZh()).isEqualTo("海淀区");
    }

    @Test
    void datasetSpellingsResolve() {
        assertThat(CityProfiles.byId("new-york").resolve("STATEN ISLAND").orElseThrow().code()).isEqualTo("36085");
        assertThat(CityProfiles.byId("boston").resolve("Allston / Brighton").orElseThrow().code())
                .isEqualTo("allston");
        assertThat(CityProfiles.byId("tetouan").resolve("Zone2").orElseThrow().code()).isEqualTo("ma-tet-zone2");
        assertThat(CityProfiles.shanghai().resolve("Atlantis")).isEmpty();
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> CityProfiles.byId("paris")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'paris'").hasMessageContaining("shanghai, beijing");
    }

    @Test
    void boundaryFilesAreOnTheClasspathWithMatchingCodes() throws Exception {
        for (CityProfile city : CityProfiles.all()) {
            if (city.boundaryResource() == null) {
                continue;
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(city.boundaryResource())) {
                assertThat(in).as(city.boundaryResource()).isNotNull();
                String geojson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(city.districts()).allSatisfy(d ->
                        assertThat(geojson).contains("\"code\":\"" + d.code() + "\""));
            }
        }
    }
}
