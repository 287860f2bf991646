package org.cityvitals.store.analyst;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analyst account reads cityvitals and nothing else, and can change nothing. */
class AnalystAccessIT {

    private static final String SCHEMA = "SELECT name, engine, create_table_query FROM system.tables "
            + "WHERE database = 'cityvitals' ORDER BY name";

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
        assertThat(CityFortnight.asAnalyst("").query("SELECT count() FROM readings", rs -> rs.getLong(1)))
                .containsExactly(readingsBefore);
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
            "DROP DATABASE cityvitals",
            "TRUNCATE TABLE readings",
            "CREATE TABLE cityvitals.scratch (x UInt8) ENGINE = Memory",
            "CREATE DATABASE scratch",
            "CREATE VIEW cityvitals.v AS SELECT 1",
            "RENAME TABLE readings TO readings_old",
            "OPTIMIZE TABLE readings FINAL"})
    void theAnalystCannotChangeAnything(String statement) throws SQLException {
        assertThatThrownBy(() -> CityFortnight.asAnalyst("").execute(statement))
                .isInstanceOf(SQLException.class).hasMessageContaining("readonly");
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(readings()).isEqualTo(readingsBefore);
    }

    @Test
    void theAnalystCannotLiftReadonly() throws SQLException {
        assertThatThrownBy(() -> CityFortnight.asAnalyst("?readonly=0").execute("DROP TABLE readings"))
                .isInstanceOf(SQLException.class).hasMessageContaining("readonly");
        assertThat(schema()).isEqualTo(schemaBefore);
    }

    @Test
    void theAnalystCannotOpenOtherDatabases() throws SQLException {
        TestClickHouse.admin().execute("CREATE DATABASE IF NOT EXISTS staff");
        TestClickHouse.admin().execute("CREATE TABLE IF NOT EXISTS staff.salaries (x UInt8) ENGINE = Memory");

        assertThatThrownBy(() -> CityFortnight.asAnalyst("").query("SELECT * FROM staff.salaries", rs -> 1))
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied to database staff");
    }

    private static List<String> schema() throws SQLException {
        return TestClickHouse.admin().query(SCHEMA, rs -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3));
    }

    private static long readings() throws SQLException {
        return TestClickHouse.admin().query("SELECT count() FROM cityvitals.readings", rs -> rs.getLong(1)).get(0);
    }
}
