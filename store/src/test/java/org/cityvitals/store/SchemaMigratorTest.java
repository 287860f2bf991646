package org.cityvitals.store;

import org.cityvitals.stack.ClickHouseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigratorTest {

    @TempDir
    static Path dir;
    static ClickHouseServer server;

    @BeforeAll
    static void startServer() {
        server = ClickHouseServer.start(dir.resolve("ch"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void migrationsApplyOnceAndRerunChangesNothing() throws SQLException {
        ClickHouse ch = new ClickHouse(server.jdbcUrl("default"));
        SchemaMigrator migrator = new SchemaMigrator(ch, "mig_once");
        int shipped = SchemaMigrator.migrations().size();

        assertThat(migrator.migrate()).hasSize(shipped);
        List<String> tablesAfterFirst = tables(ch, "mig_once");
        assertThat(tablesAfterFirst).contains("indicator_values", "alert_events", "health_scores", "schema_version");

        assertThat(migrator.migrate()).isEmpty();
        assertThat(tables(ch, "mig_once")).isEqualTo(tablesAfterFirst);
        assertThat(ch.query("SELECT count() FROM mig_once.schema_version", rs -> rs.getLong(1)))
                .containsExactly((long) shipped);
    }

    @Test
    void replacingTablesKeepTheNewestVersionOfAKey() throws SQLException {
        ClickHouse ch = new ClickHouse(server.jdbcUrl("default"));
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
}
