package org.cityvitals.store.distributed;

import org.cityvitals.stack.cluster.ChildProcess;
import org.cityvitals.stack.cluster.ClickHouseShards;
import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sharded schema on two real ClickHouse 18.16 servers joined by remote_servers. */
class DistributedSchemaIT {

    private static final String DB = "cv_it";
    private static final List<Long> PIDS = new ArrayList<>();
    private static ClusterLayout layout;
    private static List<ClickHouse> shards;

    @BeforeAll
    static void startShards() throws Exception {
        // Below the kernel's ephemeral range (32768+), where outgoing connections could take one of the ports.
        layout = new ClusterLayout(Files.createTempDirectory("distributed-it"),
                20_000 + 300 * new java.util.Random().nextInt(40));
        for (ChildProcess p : ClickHouseShards.prepare(layout)) {
            PIDS.add(p.start());
        }
        for (int s = 0; s < ClusterLayout.SHARDS; s++) {
            ClickHouseShards.awaitReady(layout, s, Duration.ofSeconds(30));
        }
        shards = IntStream.range(0, ClusterLayout.SHARDS).mapToObj(s -> new ClickHouse(layout.clickHouseUrl(s)))
                .toList();
        new DistributedSchema(shards, ClusterLayout.CLICKHOUSE_CLUSTER, DB).apply();
    }

    @AfterAll
    static void stopShards() {
        PIDS.forEach(pid -> ChildProcess.stop(pid, Duration.ofSeconds(10)));
    }

    private static long count(ClickHouse server, String sql) throws Exception {
        return server.query(sql, rs -> rs.getLong(1)).get(0);
    }

    /** Distributed inserts reach the shards in the background; wait until all have. */
    private static void awaitForwarded(String table, long rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(shards.get(0), "SELECT count() FROM " + DB + "." + table) < rows) {
            assertThat(System.nanoTime()).as("rows of " + table + " reach the shards").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aCorrectedWindowFoldsWithItsOriginalAndRowsSpreadOverBothShards() throws Exception {
        List<String> columns = List.of("indicator_id", "district", "window_start", "window_end", "value", "samples",
                "level", "version");
        Timestamp start = Timestamp.from(Instant.parse("2026-11-01T08:00:00Z"));
        Timestamp end = Timestamp.from(Instant.parse("2026-11-01T08:01:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            rows.add(new Object[] {"air.pm25", "3101" + (10 + d), start, end, 30.0, 10, "normal", 1L});
        }
        rows.add(new Object[] {"air.pm25", "310110", start, end, 80.0, 12, "yellow", 2L}); // the correction
        shards.get(0).insert(DB + ".indicator_values", columns, rows);
        awaitForwarded("indicator_values", 41);

        assertThat(count(shards.get(1), "SELECT count() FROM " + DB + ".indicator_values FINAL")).isEqualTo(40);
        assertThat(shards.get(1).query("SELECT value, version FROM " + DB + ".indicator_values FINAL WHERE district"
                + " = '310110'", rs -> rs.getDouble(1) + " v" + rs.getLong(2))).containsExactly("80.0 v2");
        for (ClickHouse shard : shards) {
            assertThat(count(shard, "SELECT count() FROM " + DB + "_local.indicator_values")).as("rows on each shard")
                    .isPositive();
        }
        // The rollup views run on each shard over its own rows: 40 series, one hourly row each after merging.
        assertThat(count(shards.get(0), "SELECT count() FROM (SELECT indicator_id, district FROM " + DB
                + ".indicator_values_hourly GROUP BY indicator_id, district)")).isEqualTo(40);
    }

    @Test
    void anIncidentKeepsItsFurthestStageThoughTheStageColumnIsComputedOnTheShards() throws Exception {
        List<String> columns = List.of("id", "source", "category", "subcategory", "district", "priority", "status",
                "reported_at");
        Timestamp at = Timestamp.from(Instant.parse("2026-11-01T09:00:00Z"));
        shards.get(1).insert(DB + ".incidents", columns, List.of(
                new Object[] {"case-1", "12345", "noise", "", "310101", 2, "resolved", at},
                new Object[] {"case-1", "12345", "noise", "", "310101", 2, "reported", at},
                new Object[] {"case-2", "110", "traffic", "", "310104", 1, "dispatched", at}));
        awaitForwarded("incidents", 3);
        assertThat(shards.get(0).query("SELECT id, status FROM (SELECT id, status FROM " + DB + ".incidents FINAL)"
                + " ORDER BY id", rs -> rs.getString(1) + " " + rs.getString(2)))
                .containsExactly("case-1 resolved", "case-2 dispatched");
    }

    @Test
    void theJobsOwnMigrationAtStartFindsTheClusterSchemaComplete() throws Exception {
        for (ClickHouse shard : shards) {
            assertThat(new SchemaMigrator(shard, DB).migrate()).isEmpty();
            assertThat(count(shard, "SELECT count() FROM system.tables WHERE database = '" + DB
                    + "' AND engine = 'MaterializedView'")).as("no view over the Distributed tables").isZero();
        }
        new DistributedSchema(shards, ClusterLayout.CLICKHOUSE_CLUSTER, DB).apply(); // again: nothing changes
        assertThat(count(shards.get(0), "SELECT count() FROM " + DB + ".schema_version"))
                .isEqualTo(SchemaMigrator.migrations().size());
    }

    @Test
    void frontTablesBuiltBeforeAMigrationGetItsNewColumnsWhenTheSchemaIsAppliedAgain() throws Exception {
        // as a cluster built before V006 looks: its front tables lack the columns V006 added to the local ones
        for (ClickHouse shard : shards) {
            shard.execute("ALTER TABLE " + DB + ".dim_indicators DROP COLUMN city_aggregation"); // a whole copy
            shard.execute("ALTER TABLE " + DB + ".alert_events DROP COLUMN origin"); // a Distributed table
        }
        new DistributedSchema(shards, ClusterLayout.CLICKHOUSE_CLUSTER, DB).apply();
        for (ClickHouse shard : shards) {
            assertThat(count(shard, "SELECT count() FROM system.columns WHERE database = '" + DB + "' AND ("
                    + "table = 'dim_indicators' AND name = 'city_aggregation' OR table = 'alert_events' AND name = "
                    + "'origin')")).isEqualTo(2);
        }
    }
}
