package org.cityvitals.store.analyst;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.store.governance.ClearanceDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analyst account docs/ANALYSTS.md connects with (the internal clearance's) reads its own database and nothing
 * else, the platform's {@code cityvitals} included, and can change nothing.
 */
class AnalystAccessIT {

    private static final String OWN_DB = ClearanceDatabases.of(CityFortnight.DB, Clearance.INTERNAL);
    private static final String SCHEMA = "SELECT database, name, engine, create_table_query FROM system.tables "
            + "WHERE database IN ('cityvitals', '" + OWN_DB + "') ORDER BY database, name";

    static List<String> schemaBefore;
    static long readingsBefore;

    @BeforeAll
    static void populate() throws SQLException {
        CityFortnight.ensureLoaded();
        schemaBefore = schema();
        readingsBefore = readings();
    }

    @Test
    void theAnalystCanRead() throws SQLException {
        assertThat(CityFortnight.asAnalyst(Clearance.INTERNAL, "").query("SELECT count() FROM readings",
                rs -> rs.getLong(1))).containsExactly(readingsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO readings (sensor_id, metric, district, observed_at, value, unit, quality) "
                    + "VALUES ('x', 'pm25', '310101', now(), 1, 'µg/m³', 'good')",
            "INSERT INTO readings SELECT * FROM readings LIMIT 1",
            "ALTER TABLE readings DELETE WHERE 1 = 1",
            "ALTER TABLE readings ADD COLUMN note String",
            "ALTER TABLE indicator_values DROP PARTITION 20200101",
            "DROP TABLE readings",
            "DROP DATABASE cityvitals_internal",
            "TRUNCATE TABLE readings",
            "CREATE TABLE cityvitals_internal.scratch (x UInt8) ENGINE = Memory",
            "CREATE DATABASE scratch",
            "CREATE VIEW cityvitals_internal.v AS SELECT 1",
            "RENAME TABLE readings TO readings_old",
            "OPTIMIZE TABLE readings FINAL"})
    void theAnalystCannotChangeAnything(String statement) throws SQLException {
        assertThatThrownBy(() -> CityFortnight.asAnalyst(Clearance.INTERNAL, "").execute(statement))
                .isInstanceOf(SQLException.class).hasMessageContaining("readonly");
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(readings()).isEqualTo(readingsBefore);
    }

    @Test
    void theAnalystCannotLiftReadonly() throws SQLException {
        assertThatThrownBy(() -> CityFortnight.asAnalyst(Clearance.INTERNAL, "?readonly=0").execute("DROP TABLE readings"))
                .isInstanceOf(SQLException.class).hasMessageContaining("readonly");
        assertThat(schema()).isEqualTo(schemaBefore);
    }

    @Test
    void theAnalystCannotOpenOtherDatabases() throws SQLException {
        TestClickHouse.admin().execute("CREATE DATABASE IF NOT EXISTS staff");
        TestClickHouse.admin().execute("CREATE TABLE IF NOT EXISTS staff.salaries (x UInt8) ENGINE = Memory");

        assertThatThrownBy(() -> CityFortnight.asAnalyst(Clearance.INTERNAL, "")
                .query("SELECT * FROM staff.salaries", rs -> 1))
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied to database staff");
        // the platform's own database holds every class of data, incidents' exact locations among them
        assertThatThrownBy(() -> CityFortnight.asAnalyst(Clearance.INTERNAL, "")
                .query("SELECT lat FROM cityvitals.incidents", rs -> 1))
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied to database cityvitals");
    }

    @Test
    void theGuidesJdbcUrlOpensTheInternalDatabaseWithTheGuidesAccount() throws SQLException {
        String url = AnalystGuide.jdbcUrl().replace("127.0.0.1:8123", "127.0.0.1:" + TestClickHouse.server().httpPort());
        assertThat(new ClickHouse(url, "analyst_internal", "analyst-internal").query("SELECT currentDatabase()",
                rs -> rs.getString(1))).containsExactly(OWN_DB);
    }

    private static List<String> schema() throws SQLException {
        return TestClickHouse.admin().query(SCHEMA, rs -> rs.getString(1) + "." + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4));
    }

    private static long readings() throws SQLException {
        return TestClickHouse.admin().query("SELECT count() FROM cityvitals.readings", rs -> rs.getLong(1)).get(0);
    }
}
