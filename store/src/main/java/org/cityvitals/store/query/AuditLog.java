package org.cityvitals.store.query;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.audit.AuditEntry;
import org.cityvitals.store.audit.AuditTable;
import org.cityvitals.store.governance.ClearanceDatabases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit log in ClickHouse ({@code audit_log}): records entries and reads them back for admins, together with the
 * SQL reads of the sensitive clearance database, which the server itself records in {@code system.query_log}
 * (the analyst accounts' profile sets {@code log_queries}). Statement {@code sql/audit/entries.sql}, and
 * {@link #SQL_READS} here. Blocking: call off the event loop.
 */
public final class AuditLog extends RecordLog<AuditEntry> {

    /** The action of an analyst's SQL query, as the audit log lists it. */
    public static final String SQL_READ = "sql_read";
    /**
     * The queries one account completed (query_log type 2, QueryFinish) from a time to a time (Unix seconds, both
     * included), newest first, at most a number of them: at, account, query. Not a file under {@code sql/} with the
     * platform's queries, which run on every engine the platform supports against its own tables: this one reads the
     * server's own log, which exists only on a server configured to keep it (local-stack's config.xml).
     */
    private static final String SQL_READS = "SELECT toUnixTimestamp(event_time), user, query FROM system.query_log "
            + "WHERE type = 2 AND user = ? AND event_time >= toDateTime(?) AND event_time <= toDateTime(?) "
            + "ORDER BY event_time DESC, query LIMIT ?";
    private static final String SENSITIVE_ACCOUNT = ClearanceDatabases.account(Clearance.SENSITIVE);

    private final ClickHouse clickHouse;
    private final String sensitiveDatabase;

    public AuditLog(ClickHouse clickHouse, String database) {
        super(clickHouse, database, new AuditTable(), AuditLog::entry);
        this.clickHouse = clickHouse;
        this.sensitiveDatabase = ClearanceDatabases.of(database, Clearance.SENSITIVE);
    }

    public void record(AuditEntry entry) throws SQLException {
        write(entry);
    }

    /**
     * Entries from {@code from} to {@code to}, both included to the second (an entry written this second is in a
     * range that ends now), newest first, at most {@code limit}: the audit log's own, and each query the sensitive
     * analyst account completed (actor the account, action {@value #SQL_READ}, target the sensitive clearance
     * database, detail the query as sent). The server writes its query log every second or so, so a query shows
     * here a moment after it ran.
     */
    public List<AuditEntry> entries(Instant from, Instant to, int limit) throws SQLException {
        List<AuditEntry> merged = new ArrayList<>(read("audit/entries", from.getEpochSecond(), to.getEpochSecond(),
                limit));
        merged.addAll(sqlReads(from, to, limit));
        merged.sort(Comparator.comparing(AuditEntry::at).reversed());
        return merged.subList(0, Math.min(limit, merged.size()));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(Columns.instant(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5));
    }

    private List<AuditEntry> sqlReads(Instant from, Instant to, int limit) throws SQLException {
        // the server creates its query log with the first query it logs
        boolean logged = !clickHouse.query("SELECT 1 FROM system.tables WHERE database = 'system' AND name = "
                + "'query_log'", rs -> rs.getInt(1)).isEmpty();
        if (!logged) {
            return List.of();
        }
        return clickHouse.query(SQL_READS, rs -> new AuditEntry(Columns.instant(rs.getLong(1)), rs.getString(2),
                SQL_READ, sensitiveDatabase, rs.getString(3)), SENSITIVE_ACCOUNT, from.getEpochSecond(),
                to.getEpochSecond(), limit);
    }
}
