package org.cityvitals.launcher.cluster;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fingerprint of a table's content after {@code FINAL}: its row count and the sum of a hash of every row, so two
 * databases compare equal exactly when they hold the same multiset of rows (up to a 64-bit hash collision).
 * The Flink job's tables are compared; the rollups are not, since a replayed window is aggregated into them again
 * by design (store/README.md, "Rollups and corrected windows").
 */
record FinalDigest(String table, long rows, String hashSum) {

    /** The tables the job writes with deterministic keys and versions. */
    static final List<String> JOB_TABLES = List.of("readings", "incidents", "indicator_values", "health_scores",
            "alert_events");

    static Map<String, FinalDigest> of(ClickHouse server, String database) throws SQLException {
        Map<String, FinalDigest> digests = new LinkedHashMap<>();
        for (String table : JOB_TABLES) {
            // Floats rounded to 1e-6: a city-wide mean over the same samples, summed in another order when they
            // arrive from two subtasks interleaved differently, differs in the last bits, which is not a loss.
            List<String> columns = server.query("SELECT name, type FROM system.columns WHERE database = '" + database
                    + "' AND table = '" + table + "' AND default_kind != 'MATERIALIZED'",
                    rs -> rs.getString(2).contains("Float") ? "round(" + rs.getString(1) + ", 6)" : rs.getString(1));
            // The columns a writer sends (a Distributed table has no MATERIALIZED ones); the subquery keeps FINAL
            // away from the outer aggregation and from an 18.16 bug with FINAL and a MATERIALIZED version column
            // on Distributed tables.
            String sql = "SELECT count(), toString(sum(cityHash64(" + String.join(", ", columns) + "))) FROM (SELECT *"
                    + " FROM " + database + "." + table + " FINAL)";
            server.query(sql, rs -> digests.put(table, new FinalDigest(table, rs.getLong(1), rs.getString(2))));
        }
        return digests;
    }

    /** One line per table that differs between {@code actual} and {@code expected}; empty when equal. */
    static List<String> differences(Map<String, FinalDigest> actual, Map<String, FinalDigest> expected) {
        List<String> diffs = new ArrayList<>();
        for (String table : expected.keySet()) {
            FinalDigest a = actual.get(table);
            FinalDigest e = expected.get(table);
            if (!e.equals(a)) {
                diffs.add(table + ": " + (a == null ? "missing" : a.rows() + " rows") + " vs " + e.rows()
                        + " rows in the fault-free run" + (a != null && a.rows() == e.rows() ? " (same count, other "
                        + "content)" : ""));
            }
        }
        return diffs;
    }
}
