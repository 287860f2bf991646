package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.audit.AuditEntry;
import org.cityvitals.store.audit.AuditTable;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The audit log in ClickHouse ({@code audit_log}): records entries and reads them back for admins. The statement is
 * {@code sql/audit/entries.sql}. Blocking: call off the event loop.
 */
public final class AuditLog {

    private static final AuditTable TABLE = new AuditTable();

    private final ClickHouse clickHouse;
    private final String database;
    private final String entries;

    public AuditLog(ClickHouse clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
        this.entries = SqlFile.load("audit/entries", database);
    }

    public void record(AuditEntry entry) throws SQLException {
        clickHouse.insert(database, TABLE, List.of(entry));
    }

    /**
     * Entries from {@code from} to {@code to}, both included to the second (an entry written this second is in a
     * range that ends now), newest first, at most {@code limit}.
     */
    public List<AuditEntry> entries(Instant from, Instant to, int limit) throws SQLException {
        return clickHouse.query(entries, rs -> new AuditEntry(Columns.instant(rs.getLong(1)), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5)), from.getEpochSecond(), to.getEpochSecond(), limit);
    }
}
