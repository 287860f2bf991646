package org.cityvitals.launcher.cluster;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.query.TableContent;

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
    record JobTable(String name, String groupBy, String where) {}

    /** Platform alarms raised on processing time (a feed silent for so long by the wall clock, the store lagging)
     *  depend on when the run happened, not on its input: they are left out of the comparison. */
    static final String EVENT_TIME_ALERTS = "rule NOT IN ('feed_stalled', 'store_lag')";

    static final List<JobTable> JOB_TABLES = List.of(new JobTable("readings", "metric", "1"),
            new JobTable("incidents", "toString(source)", "1"), new JobTable("indicator_values", "indicator_id", "1"),
            new JobTable("health_scores", "district", "1"),
            new JobTable("alert_events", "indicator_id", EVENT_TIME_ALERTS));

    static Map<String, FinalDigest> of(ClickHouse server, String database) throws SQLException {
        TableContent content = new TableContent(server);
        Map<String, FinalDigest> digests = new LinkedHashMap<>();
        for (JobTable table : JOB_TABLES) {
            Map<String, String> groups = new LinkedHashMap<>();
            long rows = 0;
            for (var g : content.finalDigest(database, table.name(), table.groupBy(), table.where()).entrySet()) {
                groups.put(g.getKey(), g.getValue().rows() + ":" + g.getValue().hashSum());
                rows += g.getValue().rows();
            }
            digests.put(table.name(), new FinalDigest(table.name(), rows, groups));
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
