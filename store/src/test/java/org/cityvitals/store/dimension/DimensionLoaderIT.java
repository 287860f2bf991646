package org.cityvitals.store.dimension;

import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DimensionLoaderIT {

    private static final String DB = "dimensions";

    static ClickHouse ch;

    @BeforeAll
    static void migrate() throws SQLException {
        ch = TestClickHouse.migrated(DB);
    }

    @Test
    void reloadingLeavesOneRowPerIdWithTheSameContent() throws SQLException {
        DimensionLoader loader = new DimensionLoader(ch, DB);
        Map<String, Integer> expectedRows = new LinkedHashMap<>();
        // every district of every city, and one row per city for its city-wide series
        expectedRows.put("dim_districts", CityProfiles.all().stream().mapToInt(c -> c.districts().size() + 1).sum());
        expectedRows.put("dim_indicators", IndicatorCatalogue.loadDefault().all().size());
        expectedRows.put("dim_sensors", SensorRegistry.shanghai().all().size());
        expectedRows.put("dim_levels", 5);

        assertThat(loader.load(Instant.parse("2026-03-01T00:00:00Z"))).containsExactlyEntriesOf(expectedRows);
        List<String> first = contents();
        loader.load(Instant.parse("2026-03-02T00:00:00Z"));

        assertThat(contents()).isEqualTo(first);
        for (Map.Entry<String, Integer> table : expectedRows.entrySet()) {
            assertThat(ch.query("SELECT count(), uniqExact(loaded_at) FROM " + table.getKey(),
                    rs -> rs.getLong(1) + " rows, " + rs.getLong(2) + " load"))
                    .as(table.getKey()).containsExactly(table.getValue() + " rows, 1 load");
        }
    }

    @Test
    void rowsCarryTheNamesUnitsAndThresholdsOfTheStandard() throws SQLException {
        new DimensionLoader(ch, DB).load(Instant.parse("2026-03-01T00:00:00Z"));
        IndicatorDefinition pm25 = IndicatorCatalogue.loadDefault().byId("air.pm25").orElseThrow();

        assertThat(ch.query("SELECT name_zh, name_en, unit, source, direction, blue, red FROM dim_indicators FINAL "
                + "WHERE id = 'air.pm25'", rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getDouble(7))))
                .containsExactly(List.of(pm25.nameZh(), pm25.nameEn(), pm25.unit(), pm25.source().metric(),
                        "higher_is_worse", pm25.thresholds().blue(), pm25.thresholds().red()));
        assertThat(ch.query("SELECT city, name_zh, name_en, population FROM dim_districts FINAL "
                        + "WHERE code IN ('310101', '310000') ORDER BY code",
                rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getLong(4)))
                // the city row sums its districts: 24,872,529 as the profile file notes (census total 24,870,895)
                .containsExactly("shanghai/上海全市/Shanghai (city-wide)/24872529", "shanghai/黄浦区/Huangpu/662030");
        assertThat(ch.query("SELECT name_zh FROM dim_levels FINAL ORDER BY severity", rs -> rs.getString(1)))
                .containsExactly("正常", "蓝色", "黄色", "橙色", "红色");
    }

    private static List<String> contents() throws SQLException {
        return ch.query("SELECT 'district', code, city, name_zh, name_en, toString(area_km2), toString(population) "
                        + "FROM dim_districts FINAL UNION ALL "
                        + "SELECT 'indicator', id, name_zh, unit, toString(blue), toString(red), standard "
                        + "FROM dim_indicators FINAL UNION ALL "
                        + "SELECT 'sensor', id, metric, district, toString(lat), toString(lon), unit "
                        + "FROM dim_sensors FINAL UNION ALL "
                        + "SELECT 'level', toString(level), toString(severity), name_zh, name_en, '', '' "
                        + "FROM dim_levels FINAL",
                rs -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .stream().sorted().toList();
    }
}
