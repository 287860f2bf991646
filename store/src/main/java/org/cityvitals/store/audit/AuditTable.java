package org.cityvitals.store.audit;

import org.cityvitals.store.table.TableMapping;

import java.sql.Timestamp;
import java.util.List;

/** {@code audit_log}: one row per audited read or change. */
public final class AuditTable implements TableMapping<AuditEntry> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "audit_log";
    }

    @Override
    public List<String> columns() {
        return List.of("at", "actor", "action", "target", "detail");
    }

    @Override
    public Object[] row(AuditEntry e) {
        return new Object[] {Timestamp.from(e.at()), e.actor(), e.action(), e.target(), e.detail()};
    }
}
