package org.cityvitals.store;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigratorIT {

    @Test
    void migrationsApplyOnceAndRerunChangesNothing() throws SQLException {
        ClickHouse ch = TestClickHouse.admin();
        SchemaMigrator migrator = new SchemaMigrator(ch, "mig_once");
        int shipped = SchemaMigrator.migrations().size();

        assertThat(migrator.migrate()).hasSize(shipped);
        List<String> schemaAfterFirst = schema(ch, "mig_once");
        assertThat(tables(ch, "mig_once")).containsExactly("alert_actions", "alert_events", "audit_log",
                "dim_districts", "dim_indicators", "dim_levels", "dim_sensors", "handover_notes", "health_scores", "incidents",
                "indicator_values", "indicator_values_daily", "indicator_values_daily_mv", "indicator_values_hourly",
                "indicator_values_hourly_mv", "maintenance_windows", "notification_deliveries", "platform_users",
                "readings", "schema_version", "situation_responses", "work_orders");

        assertThat(migrator.migrate()).isEmpty();
        assertThat(schema(ch, "mig_once")).isEqualTo(schemaAfterFirst);
        assertThat(ch.query("SELECT count() FROM mig_once.schema_version", rs -> rs.getLong(1)))
                .containsExactly((long) shipped);
    }

    @Test
    void aMigrationEditedAfterItWasAppliedIsRefused() throws Exception {
        ClickHouse ch = TestClickHouse.admin();
        SchemaMigrator migrator = new SchemaMigrator(ch, "mig_edited");
        migrator.migrate();
        ch.execute("ALTER TABLE mig_edited.schema_version UPDATE checksum = 'edited' WHERE version = 2");
        awaitMutations(ch, "mig_edited");

        assertThatThrownBy(migrator::migrate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("migration V2 (readings_incidents) changed after it was applied to mig_edited");
    }

    @Test
    void replacingTablesKeepTheNewestVersionOfAKey() throws SQLException {
        ClickHouse ch = TestClickHouse.admin();
        new SchemaMigrator(ch, "mig_replace").migrate();
        Timestamp start = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        Timestamp end = Timestamp.from(Instant.parse("2026-01-01T00:01:00Z"));
        List<String> cols = List.of("indicator_id", "district", "window_start", "window_end", "value", "samples",
                "level", "version");
        ch.insert("mig_replace.indicator_values", cols, List.<Object[]>of(
                new Object[] {"air.pm25", "310101", start, end, 80.0, 10, "blue", 1L}));
        ch.insert("mig_replace.indicator_values", cols, List.<Object[]>of(
                new Object[] {"air.pm25", "310101", start, end, 60.0, 11, "normal", 2L}));

        assertThat(ch.query("SELECT value, level FROM mig_replace.indicator_values FINAL",
                rs -> rs.getDouble(1) + "/" + rs.getString(2))).containsExactly("60.0/normal");
    }

    @Test
    void statementsSplitOnLineEndingSemicolonsAndSkipComments() {
        assertThat(SchemaMigrator.statements("-- note\nCREATE TABLE a (x String);\n\nSELECT 'a;b'\nFROM t;\n"))
                .containsExactly("CREATE TABLE a (x String)", "SELECT 'a;b'\nFROM t");
    }

    private static List<String> tables(ClickHouse ch, String db) throws SQLException {
        return ch.query("SELECT name FROM system.tables WHERE database = ? ORDER BY name", rs -> rs.getString(1), db);
    }

    /** Every table and view with its full definition, and every column with its type. */
    private static List<String> schema(ClickHouse ch, String db) throws SQLException {
        List<String> schema = new ArrayList<>(ch.query("SELECT name, create_table_query FROM system.tables "
                + "WHERE database = ? ORDER BY name", rs -> rs.getString(1) + ": " + rs.getString(2), db));
        schema.addAll(ch.query("SELECT table, name, type FROM system.columns WHERE database = ? "
                + "ORDER BY table, name", rs -> rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3), db));
        return schema;
    }

    private static void awaitMutations(ClickHouse ch, String db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!ch.query("SELECT 1 FROM system.mutations WHERE database = ? AND is_done = 0", rs -> 1, db).isEmpty()) {
            assertThat(System.nanoTime()).as("mutations in %s still running after 10 s", db).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * Schema 6 moves the city-wide rows schema 5 wrote under the literal 'city' (only Shanghai produced them) to
     * Shanghai's code, and a repeated run (an interruption after its first ADD COLUMN) changes nothing more.
     */
    @Test
    void schemaSixMovesCityRowsToTheCitysCodeAndCanRunAgain() throws SQLException {
        ClickHouse ch = TestClickHouse.admin();
        ch.execute("DROP DATABASE IF EXISTS mig_six");
        SchemaMigrator migrator = new SchemaMigrator(ch, "mig_six");
        migrator.migrate(5);
        ch.execute("INSERT INTO mig_six.indicator_values (indicator_id, district, window_start, window_end, value, "
                + "samples, level, version) VALUES ('air.pm25', 'city', '2026-03-01 00:00:00', '2026-03-01 00:01:00', "
                + "80, 16, 'blue', 1), ('air.pm25', '310101', '2026-03-01 00:00:00', '2026-03-01 00:01:00', 70, 1, "
                + "'normal', 1)");
        ch.execute("INSERT INTO mig_six.alert_events (alert_id, version, rule, indicator_id, district, kind, level, "
                + "previous_level, value, threshold, event_time, message) VALUES ('level:air.pm25:city:100', 1, "
                + "'level', 'air.pm25', 'city', 'opened', 'blue', 'normal', 80, 75, '2026-03-01 00:01:00', 'm')");
        ch.execute("ALTER TABLE mig_six.alert_events ADD COLUMN since DateTime DEFAULT event_time"); // half-applied

        assertThat(migrator.migrate()).containsExactly(6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(ch.query("SELECT district, value, schema_version, origin FROM mig_six.indicator_values FINAL "
                + "ORDER BY district", rs -> rs.getString(1) + " " + rs.getDouble(2) + " " + rs.getInt(3) + " "
                + rs.getString(4))).containsExactly("310000 80.0 5 live", "310101 70.0 5 live");
        assertThat(ch.query("SELECT alert_id, district, toUnixTimestamp(since) = toUnixTimestamp(event_time), audience "
                        + "FROM mig_six.alert_events FINAL", rs -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getInt(3) + " " + rs.getString(4)))
                .containsExactly("level:air.pm25:310000:100 310000 1 operations");
        assertThat(migrator.migrate()).isEmpty();
    }
}
