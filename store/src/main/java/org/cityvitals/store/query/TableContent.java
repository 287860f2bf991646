package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a database holds, for comparing two of them (a drill's run with a fault-free run, a restored backup with its
 * source): row counts, and a fingerprint of a table's content after {@code FINAL}. The statements are built from the
 * tables' own columns, so they live here rather than in {@code sql/} files.
 */
public final class TableContent {

    private final ClickHouse server;

    public TableContent(ClickHouse server) {
        this.server = server;
    }

    /** One group of rows: how many, and the sum of a 64-bit hash of each row. */
    public record Group(long rows, String hashSum) {}

    /** Rows per data table (MergeTree or Distributed; not the dimensions or the schema record), by name. */
    public Map<String, Long> rowCounts(String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : server.query("SELECT name FROM system.tables WHERE database = '" + database
                + "' AND (engine LIKE '%MergeTree' OR engine = 'Distributed') AND name NOT LIKE 'dim_%'"
                + " AND name != 'schema_version'", rs -> rs.getString(1))) {
            counts.put(table, rows(database, table));
        }
        return counts;
    }

    /** Rows in one table, without FINAL: any insert changes it. */
    public long rows(String database, String table) throws SQLException {
        return server.query("SELECT count() FROM " + database + "." + table, rs -> rs.getLong(1)).get(0);
    }

    /**
     * The table's rows after {@code FINAL} that pass {@code where}, grouped by the expression {@code groupBy}: per
     * group the count and the sum of a hash of every column a writer sends (a Distributed table has no
     * MATERIALIZED ones), floats rounded to 1e-6 — a mean over the same samples summed in another order differs in
     * its last bits, which is not a difference. Two tables hold the same multiset of rows exactly when their groups
     * are equal (up to a hash collision).
     */
    public Map<String, Group> finalDigest(String database, String table, String groupBy, String where)
            throws SQLException {
        List<String> columns = server.query("SELECT name, type FROM system.columns WHERE database = '" + database
                + "' AND table = '" + table + "' AND default_kind != 'MATERIALIZED'",
                rs -> rs.getString(2).contains("Float") ? "round(" + rs.getString(1) + ", 6)" : rs.getString(1));
        Map<String, Group> groups = new LinkedHashMap<>();
        // The subquery keeps FINAL away from the aggregation and from an 18.16 bug with FINAL on Distributed tables.
        server.query("SELECT " + groupBy + " AS g, count(), toString(sum(cityHash64(" + String.join(", ", columns)
                + "))) FROM (SELECT * FROM " + database + "." + table + " FINAL WHERE " + where + ") GROUP BY g "
                + "ORDER BY g", rs -> groups.put(rs.getString(1), new Group(rs.getLong(2), rs.getString(3))));
        return groups;
    }
}
