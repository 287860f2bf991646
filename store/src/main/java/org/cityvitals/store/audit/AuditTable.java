package org.cityvitals.store.audit;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.ColumnTable;

/** {@code audit_log}: one row per audited read or change. */
public final class AuditTable extends ColumnTable<AuditEntry> {

    private static final long serialVersionUID = 2L;

    public AuditTable() {
        super("audit_log",
                column("at", e -> Cells.time(e.at())),
                column("actor", AuditEntry::actor),
                column("action", AuditEntry::action),
                column("target", AuditEntry::target),
                column("detail", AuditEntry::detail));
    }
}
