package org.cityvitals.launcher.cluster;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A fingerprint of a table's content after {@code FINAL}: per group of rows (e.g. per indicator) the row count and
 * the sum of a hash of every row, so two databases compare equal exactly when they hold the same multiset of rows
 * (up to a 64-bit hash collision), and a difference names the groups it is in. The Flink job's tables are compared;
 * the rollups are not, since a replayed window is aggregated into them again by design (store/README.md).
 *
 * @param groups group value → "rows:hashSum"
 */
record FinalDigest(String table, long rows, Map<String, String> groups) {

    /** A table the job writes with deterministic keys and versions, and the column a difference is reported by. */
    record JobTable(String name, String groupBy) {}

    static final List<JobTable> JOB_TABLES = List.of(new JobTable("readings", "metric"),
            new JobTable("incidents", "toString(source)"), new JobTable("indicator_values", "indicator_id"),
            new JobTable("health_scores", "district"), new JobTable("alert_events", "indicator_id"));

    static Map<String, FinalDigest> of(ClickHouse server, String database) throws SQLException {
        Map<String, FinalDigest> digests = new LinkedHashMap<>();
        for (JobTable table : JOB_TABLES) {
            // The columns a writer sends (a Distributed table has no MATERIALIZED ones), floats rounded to 1e-6: a
            // city-wide mean over the same samples, summed in another order when they arrive from two subtasks
            // interleaved differently, differs in its last bits, which is not a loss. The subquery keeps FINAL away
            // from the aggregation and from an 18.16 bug with FINAL on Distributed tables.
            List<String> columns = server.query("SELECT name, type FROM system.columns WHERE database = '" + database
                    + "' AND table = '" + table.name() + "' AND default_kind != 'MATERIALIZED'",
                    rs -> rs.getString(2).contains("Float") ? "round(" + rs.getString(1) + ", 6)" : rs.getString(1));
            Map<String, String> groups = new LinkedHashMap<>();
            long[] rows = {0};
            server.query("SELECT " + table.groupBy() + " AS g, count(), toString(sum(cityHash64("
                    + String.join(", ", columns) + "))) FROM (SELECT * FROM " + database + "." + table.name()
                    + " FINAL) GROUP BY g ORDER BY g", rs -> {
                        rows[0] += rs.getLong(2);
                        return groups.put(rs.getString(1), rs.getLong(2) + ":" + rs.getString(3));
                    });
            digests.put(table.name(), new FinalDigest(table.name(), rows[0], groups));
        }
        return digests;
    }

    /** One line per table that differs between {@code actual} and {@code expected}; empty when equal. */
    static List<String> differences(Map<String, FinalDigest> actual, Map<String, FinalDigest> expected) {
        List<String> diffs = new ArrayList<>();
        for (JobTable t : JOB_TABLES) {
            String table = t.name();
            FinalDigest a = actual.get(table);
            FinalDigest e = expected.get(table);
            if (a == null) {
                diffs.add(table + ": missing");
            } else if (!a.groups().equals(e.groups())) {
                TreeSet<String> differing = new TreeSet<>(a.groups().keySet());
                differing.addAll(e.groups().keySet());
                differing.removeIf(g -> Objects.equals(a.groups().get(g), e.groups().get(g)));
                diffs.add(table + ": " + a.rows() + " rows vs " + e.rows() + " in the fault-free run, differing in "
                        + t.groupBy() + " " + differing);
            }
        }
        return diffs;
    }
}
