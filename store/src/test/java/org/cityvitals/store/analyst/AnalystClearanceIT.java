package org.cityvitals.store.analyst;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ClassificationResult;
import org.cityvitals.indicators.governance.ClassifiedTable;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.stack.testing.OpenIndicators;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.store.governance.ClearanceDatabases;
import org.cityvitals.store.table.IncidentTable;
import org.cityvitals.store.table.IndicatorValueTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One analyst account per clearance, each reading only its own database, which holds exactly the tables, columns
 * and rows its clearance covers (governance/classification.yaml): the open analyst sees open indicators and no
 * incidents; the internal analyst sees incidents without their exact location; the sensitive analyst sees it.
 * Runs on the analysts' fortnight of city data, then writes marker rows after the views exist.
 */
class AnalystClearanceIT {

    private static final String DB = "cityvitals";
    /** An hour well after the fortnight, so the marker rows are the only ones in it. */
    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.DAYS);
    private static final String MARKER_INCIDENT = "gov-marker-incident";
    private static final double MARKER_LAT = 31.2304;
    private static final double MARKER_LON = 121.4737;
    private static ClickHouse admin;
    /** The query docs/GOVERNANCE.md gives for the sensitive analyst's SQL reads, as written there. */
    private static final String GUIDES_QUERY_LOG_QUERY = guidesQueryLogQuery();

    @BeforeAll
    static void apply() throws SQLException {
        CityFortnight.ensureLoaded();
        admin = TestClickHouse.admin();
        // written after the views exist: they reach the clearance databases through the views alone
        ClickHouse platform = new ClickHouse(TestClickHouse.server().jdbcUrl(DB));
        platform.insert(DB, new IndicatorValueTable(Origin.LIVE), List.of(
                value("air.pm25", 0), value("air.pm25", 1), value("air.pm25", 2),
                value("water.pressure_min", 0), value("water.pressure_min", 1)));
        platform.insert(DB, new IncidentTable(), List.of(new Incident(MARKER_INCIDENT, IncidentSource.HOTLINE_12345,
                "noise", null, "310101", 3, IncidentStatus.REPORTED, HOUR, null, null, MARKER_LAT, MARKER_LON)));
    }

    @Test
    void everyTableOfTheSchemaIsClassifiedAndEveryClassifiedColumnExists() throws SQLException {
        Set<String> tables = new TreeSet<>(admin.query("SELECT name FROM system.tables WHERE database = ? "
                + "AND engine != 'MaterializedView'", rs -> rs.getString(1), DB));
        Classification classification = Classification.loadDefault();
        assertThat(classification.tables()).extracting(ClassifiedTable::id).containsExactlyInAnyOrderElementsOf(tables);
        for (ClassifiedTable table : classification.tables()) {
            List<String> columns = admin.query("SELECT name FROM system.columns WHERE database = ? AND table = ?",
                    rs -> rs.getString(1), DB, table.id());
            assertThat(columns).as("columns of %s", table.id()).containsAll(table.columns().keySet());
        }
    }

    @Test
    void theOpenAnalystReadsOpenIndicatorsOnlyAndNoIncidents() throws SQLException {
        ClickHouse open = analyst(Clearance.OPEN);
        assertThat(open.query("SELECT DISTINCT indicator_id FROM indicator_values", rs -> rs.getString(1)))
                .isNotEmpty().allMatch(OpenIndicators.IDS::contains);
        // the fortnight's rows were copied when the database was made, the markers came through the view
        assertThat(open.query("SELECT count() FROM indicator_values FINAL WHERE indicator_id = 'air.pm25' "
                + "AND window_start < ?", rs -> rs.getLong(1), HOUR.getEpochSecond()))
                .containsExactly(fortnightRows("air.pm25"));
        assertThat(open.query("SELECT indicator_id, count() FROM indicator_values FINAL WHERE window_start >= ? "
                + "GROUP BY indicator_id", rs -> rs.getString(1) + "=" + rs.getLong(2), HOUR.getEpochSecond()))
                .containsExactly("air.pm25=3");
        // the hourly rollup is fed from the platform's rollup: three one-minute windows in the marker hour
        assertThat(open.query("SELECT indicator_id, uniqExactMerge(windows) FROM indicator_values_hourly "
                + "WHERE hour = toDateTime(?) GROUP BY indicator_id", rs -> rs.getString(1) + "=" + rs.getLong(2),
                HOUR.getEpochSecond())).containsExactly("air.pm25=3");
        // incidents, alerts on any indicator, what people did and wrote about them are internal
        for (String table : List.of("incidents", "alert_events", "alert_actions", "situation_responses",
                "notification_deliveries")) {
            assertThatThrownBy(() -> open.query("SELECT count() FROM " + table, rs -> 1)).as(table)
                    .isInstanceOf(SQLException.class).hasMessageContaining("doesn't exist");
        }
        for (String other : List.of(DB, ClearanceDatabases.of(DB, Clearance.INTERNAL),
                ClearanceDatabases.of(DB, Clearance.SENSITIVE))) {
            assertThatThrownBy(() -> open.query("SELECT count() FROM " + other + ".indicator_values", rs -> 1))
                    .as("the open analyst opening %s", other).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
    }

    @Test
    void theInternalAnalystReadsIncidentsWithoutTheirExactLocation() throws SQLException {
        ClickHouse internal = analyst(Clearance.INTERNAL);
        assertThat(internal.query("SELECT indicator_id, count() FROM indicator_values FINAL WHERE window_start >= ? "
                + "GROUP BY indicator_id ORDER BY indicator_id", rs -> rs.getString(1) + "=" + rs.getLong(2),
                HOUR.getEpochSecond())).containsExactly("air.pm25=3", "water.pressure_min=2");
        assertThat(internal.query("SELECT category, district FROM incidents WHERE id = ?",
                rs -> rs.getString(1) + "/" + rs.getString(2), MARKER_INCIDENT)).containsExactly("noise/310101");
        assertThatThrownBy(() -> internal.query("SELECT lat FROM incidents", rs -> 1))
                .isInstanceOf(SQLException.class).hasMessageContaining("lat");
        assertThatThrownBy(() -> internal.query("SELECT count() FROM " + ClearanceDatabases.of(DB,
                Clearance.SENSITIVE) + ".incidents", rs -> 1)).hasMessageContaining("Access denied");
    }

    @Test
    void theSensitiveAnalystReadsExactIncidentLocations() throws SQLException {
        assertThat(analyst(Clearance.SENSITIVE).query("SELECT lat, lon FROM incidents WHERE id = ?",
                rs -> rs.getDouble(1) + "," + rs.getDouble(2), MARKER_INCIDENT))
                .containsExactly(MARKER_LAT + "," + MARKER_LON);
    }

    @Test
    void everySqlReadOfTheSensitiveAnalystIsRecordedWithItsAccountAndTime() throws Exception {
        String probe = "audit-probe-" + System.nanoTime();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        analyst(Clearance.SENSITIVE).query("SELECT lat, lon FROM incidents WHERE id = ? AND '" + probe + "' != ''",
                rs -> 1, MARKER_INCIDENT);
        // the server writes its query log every second (local-stack's config.xml)
        List<String> logged = List.of();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (logged.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            // the query docs/GOVERNANCE.md gives admins, as written there
            logged = admin.query(GUIDES_QUERY_LOG_QUERY, rs -> rs.getTimestamp(1).toInstant() + " " + rs.getString(2)
                    + " " + rs.getString(3)).stream().filter(row -> row.contains(probe)).toList();
        }
        assertThat(logged).isNotEmpty().allSatisfy(row -> {
            assertThat(row).contains(" analyst_sensitive SELECT lat, lon FROM incidents");
            assertThat(Instant.parse(row.substring(0, row.indexOf(' ')))).isAfterOrEqualTo(before);
        });
    }

    @Test
    void theOpenAnalystsPasswordDoesNotLogInAsTheSensitiveAnalyst() throws SQLException {
        // the demo passwords docs/GOVERNANCE.md lists
        String sensitiveDb = TestClickHouse.server().jdbcUrl(ClearanceDatabases.of(DB, Clearance.SENSITIVE));
        assertThat(new ClickHouse(sensitiveDb, "analyst_sensitive", "analyst-sensitive")
                .query("SELECT 1", rs -> rs.getInt(1))).containsExactly(1);
        assertThatThrownBy(() -> new ClickHouse(sensitiveDb, "analyst_sensitive", "analyst-open")
                .query("SELECT 1", rs -> rs.getInt(1)))
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    @Test
    void applyingAgainChangesNothingAndAReclassificationMovesRowsBothWays() throws Exception {
        ClearanceDatabases shipped = new ClearanceDatabases(admin, DB, Classification.loadDefault());
        assertThat(shipped.apply().changes()).isEmpty();

        Classification waterOpen = reclassified("{id: water.pressure_min, class: internal",
                "{id: water.pressure_min, class: open");
        assertThat(new ClearanceDatabases(admin, DB, waterOpen).apply().changes())
                .contains(ClearanceDatabases.of(DB, Clearance.OPEN) + ".indicator_values refiltered for clearance open");
        ClickHouse open = analyst(Clearance.OPEN);
        assertThat(open.query("SELECT count() FROM indicator_values FINAL WHERE indicator_id = 'water.pressure_min'",
                rs -> rs.getLong(1))).containsExactly(fortnightRows("water.pressure_min") + 2);

        shipped.apply();
        long deadline = System.nanoTime() + 30_000_000_000L; // ALTER … DELETE is a background mutation
        while (count(open, "water.pressure_min") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(open, "water.pressure_min")).isZero();
    }

    @Test
    void aColumnOrTableClassedUpwardLeavesTheLowerClearancesCopies() throws Exception {
        String readings = "{id: readings, class: internal, owner: platform,\n"
                + "     columns: {lat: {class: internal, carries: site_location}, "
                + "lon: {class: internal, carries: site_location}}}";
        Classification upward = reclassified(readings, readings.replace("class: internal, carries",
                "class: sensitive, carries"), "{id: dim_levels, class: open", "{id: dim_levels, class: internal");
        try {
            assertThat(new ClearanceDatabases(admin, DB, upward).apply().changes()).contains(
                    ClearanceDatabases.of(DB, Clearance.INTERNAL) + ".readings refiltered for clearance internal, "
                            + "columns lat, lon dropped",
                    ClearanceDatabases.of(DB, Clearance.OPEN) + ".dim_levels dropped: now above clearance open");
            assertThatThrownBy(() -> analyst(Clearance.INTERNAL).query("SELECT lat FROM readings", rs -> 1))
                    .isInstanceOf(SQLException.class).hasMessageContaining("lat");
            assertThatThrownBy(() -> analyst(Clearance.OPEN).query("SELECT count() FROM dim_levels", rs -> 1))
                    .isInstanceOf(SQLException.class).hasMessageContaining("doesn't exist");
            assertThat(analyst(Clearance.SENSITIVE).query("SELECT count() FROM readings WHERE lat IS NOT NULL",
                    rs -> rs.getLong(1))).containsExactly(admin.query("SELECT count() FROM " + DB
                    + ".readings WHERE lat IS NOT NULL", rs -> rs.getLong(1)).get(0));
            // the platform keeps writing readings with their positions
            admin.execute("INSERT INTO " + DB + ".readings (sensor_id, metric, district, observed_at, value, unit, "
                    + "lat, lon, quality) VALUES ('gov-upward', 'pm25', '310101', now(), 1, 'µg/m³', 31.2, 121.5, "
                    + "'good')");
            assertThat(analyst(Clearance.INTERNAL).query("SELECT count() FROM readings WHERE sensor_id = "
                    + "'gov-upward'", rs -> rs.getLong(1))).containsExactly(1L);
        } finally {
            new ClearanceDatabases(admin, DB, Classification.loadDefault()).apply();
        }
        assertThat(analyst(Clearance.OPEN).query("SELECT count() FROM dim_levels FINAL", rs -> rs.getLong(1)))
                .containsExactly(5L);
    }

    @Test
    void aColumnAMigrationAddsReachesTheCopiesAndWritesKeepWorking() throws SQLException {
        admin.execute("ALTER TABLE " + DB + ".indicator_values ADD COLUMN governance_probe UInt8 DEFAULT 7");
        try {
            new ClearanceDatabases(admin, DB, Classification.loadDefault()).apply();
            // a day before the marker hour, so the other tests' counts there stay as they are
            Instant start = HOUR.minus(1, ChronoUnit.DAYS);
            new ClickHouse(TestClickHouse.server().jdbcUrl(DB)).insert(DB, new IndicatorValueTable(Origin.LIVE),
                    List.of(new IndicatorValue("air.pm25", "310101", start, start.plusSeconds(60), 1, 1, Level.NORMAL,
                            1)));
            assertThat(analyst(Clearance.OPEN).query("SELECT governance_probe FROM indicator_values "
                    + "WHERE window_start = toDateTime(?)", rs -> rs.getInt(1), start.getEpochSecond()))
                    .containsExactly(7);
        } finally {
            admin.execute("ALTER TABLE " + DB + ".indicator_values DROP COLUMN governance_probe");
            new ClearanceDatabases(admin, DB, Classification.loadDefault()).apply();
        }
    }

    private static long count(ClickHouse ch, String indicator) throws SQLException {
        return ch.query("SELECT count() FROM indicator_values WHERE indicator_id = ?", rs -> rs.getLong(1), indicator)
                .get(0);
    }

    private static long fortnightRows(String indicator) throws SQLException {
        return admin.query("SELECT count() FROM " + DB + ".indicator_values FINAL WHERE indicator_id = ? "
                + "AND window_start < ?", rs -> rs.getLong(1), indicator, HOUR.getEpochSecond()).get(0);
    }

    /** The shipped classification with each {@code from, to} pair of texts replaced. */
    private static Classification reclassified(String... fromTo) throws IOException {
        String text;
        try (InputStream in = Classification.class.getClassLoader().getResourceAsStream(Classification.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        ClassificationResult result = Classification.load(new StringReader(text), "changed.yaml",
                IndicatorCatalogue.loadDefault(), MetricRegistry.loadDefault());
        assertThat(result.problems()).isEmpty();
        return result.classification();
    }

    private static String guidesQueryLogQuery() {
        try {
            String guide = Files.readString(Path.of("..", "docs", "GOVERNANCE.md"));
            int start = guide.indexOf("`SELECT event_time, user, query FROM system.query_log");
            assertThat(start).as("the query_log query in docs/GOVERNANCE.md").isNotNegative();
            return guide.substring(start + 1, guide.indexOf('`', start + 1)).replace('\n', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClickHouse analyst(Clearance clearance) {
        return CityFortnight.asAnalyst(clearance, "");
    }

    private static IndicatorValue value(String indicator, int minute) {
        Instant start = HOUR.plusSeconds(60L * minute);
        return new IndicatorValue(indicator, "310101", start, start.plusSeconds(60), 40 + minute, 4, Level.NORMAL, 1);
    }
}
