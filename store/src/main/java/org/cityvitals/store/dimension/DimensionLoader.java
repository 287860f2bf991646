package org.cityvitals.store.dimension;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.IndicatorSource;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (Re)fills the dimension tables ({@code dim_districts}, {@code dim_indicators}, {@code dim_sensors},
 * {@code dim_levels}) from the data standard in the indicators module, so analysts join names instead of decoding ids.
 *
 * <p>Every load writes every row with a newer {@code loaded_at}; the tables are ReplacingMergeTree keyed by id, and
 * the load ends with {@code OPTIMIZE … FINAL}, so after any number of loads each id has exactly one row, the newest.
 * Entities removed from the standard keep their last row: facts may still refer to them.
 */
public final class DimensionLoader {

    /** The district code of city-wide values, named so that joins keep city-wide rows. */
    private static final String CITY_WIDE_ZH = "全市";
    private static final String CITY_WIDE_EN = " (city-wide)";

    private final ClickHouse server;
    private final String database;

    /** @param server a connection to any database of the server; tables are named {@code database.table} */
    public DimensionLoader(ClickHouse server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Loads every dimension table; returns the number of rows written per table, in load order. */
    public Map<String, Integer> load(Instant loadedAt) throws SQLException {
        Timestamp version = Timestamp.from(loadedAt);
        Map<String, Integer> written = new LinkedHashMap<>();
        for (Dimension d : List.of(districts(version), indicators(version), sensors(version), levels(version))) {
            String table = database + "." + d.table();
            server.insert(table, d.columns(), d.rows());
            server.execute("OPTIMIZE TABLE " + table + " FINAL");
            written.put(d.table(), d.rows().size());
        }
        return written;
    }

    private record Dimension(String table, List<String> columns, List<Object[]> rows) {}

    /** Every shipped city (its own code, for city-wide rows) and its districts; codes must be unique across cities. */
    private static Dimension districts(Timestamp version) {
        List<Object[]> rows = new ArrayList<>();
        Map<String, String> cityOfCode = new HashMap<>();
        for (CityProfile city : CityProfiles.all()) {
            rows.add(new Object[] {city.code(), city.id(), city.nameZh() + CITY_WIDE_ZH, city.nameEn() + CITY_WIDE_EN,
                    city.districts().stream().mapToDouble(District::areaKm2).sum(),
                    city.districts().stream().mapToLong(District::population).sum(), version});
            for (District d : city.districts()) {
                String other = cityOfCode.putIfAbsent(d.code(), city.id());
                if (other != null) {
                    throw new IllegalStateException("district code " + d.code() + " is used by both " + other + " and "
                            + city.id() + "; dim_districts is keyed by code alone, so codes must be unique");
                }
                rows.add(new Object[] {d.code(), city.id(), d.nameZh(), d.nameEn(), d.areaKm2(), d.population(),
                        version});
            }
        }
        return new Dimension("dim_districts",
                List.of("code", "city", "name_zh", "name_en", "area_km2", "population", "loaded_at"), rows);
    }

    private static Dimension indicators(Timestamp version) {
        List<Object[]> rows = new ArrayList<>();
        for (IndicatorDefinition d : IndicatorCatalogue.loadDefault().all()) {
            Thresholds t = d.thresholds();
            rows.add(new Object[] {d.id(), d.nameZh(), d.nameEn(), WireNames.of(d.domain()), d.domain().zh(),
                    d.domain().en(), d.unit(), source(d.source()), WireNames.of(d.aggregation()),
                    d.window().size().toSeconds(), WireNames.of(d.direction()),
                    t == null ? null : t.blue(), t == null ? null : t.yellow(), t == null ? null : t.orange(),
                    t == null ? null : t.red(), d.hysteresis(), d.forDuration().toSeconds(), d.weight(),
                    d.standard() == null ? "" : d.standard(), WireNames.of(d.city().aggregation()),
                    WireNames.of(d.whenSilent()), WireNames.of(d.audience()), d.instant() ? 1 : 0, version});
        }
        return new Dimension("dim_indicators", List.of("id", "name_zh", "name_en", "domain", "domain_zh", "domain_en",
                "unit", "source", "aggregation", "window_seconds", "direction", "blue", "yellow", "orange", "red",
                "hysteresis", "for_seconds", "weight", "standard", "city_aggregation", "when_silent", "audience",
                "instant", "loaded_at"), rows);
    }

    /**
     * The metric an indicator reads, "incidents", "network:" and the sensor network it judges, or "situations:" and
     * the response step it times.
     */
    private static String source(IndicatorSource s) {
        if (s.isMetric()) {
            return s.metric();
        }
        if (s.isSituations()) {
            return "situations:" + WireNames.of(s.situations());
        }
        return s.isIncidents() ? "incidents" : "network:" + s.network();
    }

    private static Dimension sensors(Timestamp version) {
        List<Object[]> rows = new ArrayList<>();
        for (Sensor s : SensorRegistry.shanghai().all()) {
            rows.add(new Object[] {s.id(), s.metric(), s.district(), s.lat(), s.lon(), s.unit(), version});
        }
        return new Dimension("dim_sensors", List.of("id", "metric", "district", "lat", "lon", "unit", "loaded_at"),
                rows);
    }

    private static Dimension levels(Timestamp version) {
        List<Object[]> rows = new ArrayList<>();
        for (Level level : Level.values()) {
            rows.add(new Object[] {WireNames.of(level), level.severity(), level.zh(), level.en(), version});
        }
        return new Dimension("dim_levels", List.of("level", "severity", "name_zh", "name_en", "loaded_at"), rows);
    }

}
