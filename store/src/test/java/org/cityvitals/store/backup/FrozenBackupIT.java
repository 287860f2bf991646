package org.cityvitals.store.backup;

import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A FREEZE backup of a migrated database with data, restored into an empty server, holds the same content. */
class FrozenBackupIT {

    private static final String DB = "backup_it";

    @TempDir
    Path dir;

    private static List<String> content(ClickHouse server) throws Exception {
        List<String> rows = new ArrayList<>(server.query("SELECT district, window_start, value, version FROM (SELECT"
                + " * FROM " + DB + ".indicator_values FINAL) ORDER BY district, window_start",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3) + " v" + rs.getLong(4)));
        rows.addAll(server.query("SELECT district, toString(hour), avgMerge(value_avg) FROM " + DB
                + ".indicator_values_hourly GROUP BY district, hour ORDER BY district, hour",
                rs -> "hourly " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3)));
        return rows;
    }

    @Test
    void aRestoredBackupHoldsTheSameRowsAndRollups() throws Exception {
        ClickHouse source = TestClickHouse.migrated(DB);
        List<String> columns = List.of("indicator_id", "district", "window_start", "window_end", "value", "samples",
                "level", "version");
        List<Object[]> rows = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            Instant start = Instant.parse("2026-11-01T08:00:00Z").plusSeconds(60L * minute);
            for (String district : List.of("310101", "310104")) {
                rows.add(new Object[] {"air.pm25", district, Timestamp.from(start), Timestamp.from(start.plusSeconds(60)),
                        minute * 1.0, 10, "normal", 1L});
            }
        }
        source.insert(DB + ".indicator_values", columns, rows);
        source.insert(DB + ".indicator_values", columns, List.<Object[]>of(new Object[] {"air.pm25", "310101",
                Timestamp.from(Instant.parse("2026-11-01T08:00:00Z")), Timestamp.from(Instant.parse(
                "2026-11-01T08:01:00Z")), 99.0, 12, "yellow", 2L})); // a correction: a second part
        List<String> before = content(source);

        Path backup = dir.resolve("backup");
        FrozenBackup.Summary saved = new FrozenBackup(TestClickHouse.admin()).backup(DB, backup);
        assertThat(saved.rows()).as("rows in the backed-up tables").isGreaterThanOrEqualTo(241);
        assertThatThrownBy(() -> new FrozenBackup(TestClickHouse.admin()).backup(DB, backup))
                .hasMessageContaining("not empty");

        try (ClickHouseServer empty = ClickHouseServer.start(dir.resolve("empty-server"))) {
            ClickHouse restored = new ClickHouse(empty.jdbcUrl("default"));
            FrozenBackup.Summary summary = new FrozenBackup(restored).restore(backup);
            assertThat(summary.parts()).isEqualTo(saved.parts());
            assertThat(content(restored)).isEqualTo(before).contains("310101 2026-11-01 08:00:00 99.0 v2");
            assertThat(restored.query("SELECT count() FROM system.tables WHERE database = '" + DB + "'",
                    rs -> rs.getLong(1)).get(0)).isEqualTo(source.query("SELECT count() FROM system.tables WHERE "
                    + "database = '" + DB + "'", rs -> rs.getLong(1)).get(0));
        }
    }
}
