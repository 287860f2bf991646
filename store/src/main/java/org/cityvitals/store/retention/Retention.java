package org.cityvitals.store.retention;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Carries out a {@link RetentionPolicy} by dropping whole partitions (ClickHouse 18.16 has no TTL). A partition is
 * dropped once its newest possible row is older than the table's retention, so a table keeps between its retention
 * and its retention plus one partition span. Idempotent: run it as often as you like (the launcher runs it hourly).
 *
 * <p>{@link #sparingRecentWrites()} also keeps partitions written within the retention span, whatever time their
 * rows describe: the demo uses it so that a replay of 2013 data stays to be looked at.
 */
public final class Retention {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final ClickHouse server;
    private final String database;
    private final RetentionPolicy policy;
    private final boolean spareRecentWrites;

    /** @param server a connection to any database of the server; tables are named {@code database.table} */
    public Retention(ClickHouse server, String database, RetentionPolicy policy) {
        this(server, database, policy, false);
    }

    private Retention(ClickHouse server, String database, RetentionPolicy policy, boolean spareRecentWrites) {
        this.server = server;
        this.database = database;
        this.policy = policy;
        this.spareRecentWrites = spareRecentWrites;
    }

    /** The same retention, keeping partitions last written within the retention span (replays of history). */
    public Retention sparingRecentWrites() {
        return new Retention(server, database, policy, true);
    }

    /** Drops every partition past its table's retention at {@code now}; returns them as {@code db.table partition}. */
    public List<String> apply(Instant now) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, Integer> table : new TreeMap<>(policy.days()).entrySet()) {
            if (table.getValue() == RetentionPolicy.FOREVER) {
                continue;
            }
            Instant cutoff = now.minus(table.getValue(), ChronoUnit.DAYS);
            String qualified = database + "." + table.getKey();
            for (String partition : partitions(table.getKey(), cutoff)) {
                if (!end(qualified, partition).isAfter(cutoff)) {
                    server.execute("ALTER TABLE " + qualified + " DROP PARTITION " + partition);
                    dropped.add(qualified + " " + partition);
                }
            }
        }
        return dropped;
    }

    private List<String> partitions(String table, Instant cutoff) throws SQLException {
        String writtenBefore = spareRecentWrites ? " HAVING max(modification_time) < toDateTime(?)" : "";
        Object[] params = spareRecentWrites
                ? new Object[] {database, table, cutoff.getEpochSecond()} : new Object[] {database, table};
        return server.query("SELECT partition FROM system.parts WHERE database = ? AND table = ? AND active "
                + "GROUP BY partition" + writtenBefore + " ORDER BY partition", rs -> rs.getString(1), params);
    }

    /** The end of the time span a partition covers, from its id: toYYYYMMDD (a day) or toYYYYMM (a month), UTC. */
    static Instant end(String table, String partition) {
        if (partition.matches("\\d{8}")) {
            return LocalDate.parse(partition, DAY).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (partition.matches("\\d{6}")) {
            return YearMonth.parse(partition, MONTH).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("cannot apply retention to " + table + ": partition '" + partition
                + "' is not a day (toYYYYMMDD) or a month (toYYYYMM), so its age is unknown");
    }
}
