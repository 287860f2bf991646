package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.ColumnTable;

/** {@code maintenance_windows}: one row per window, the newest version kept. */
public final class MaintenanceTable extends ColumnTable<MaintenanceWindow> {

    private static final long serialVersionUID = 2L;

    public MaintenanceTable() {
        super("maintenance_windows",
                column("window_id", MaintenanceWindow::windowId),
                column("kind", MaintenanceWindow::kind),
                column("target", MaintenanceWindow::target),
                column("area", MaintenanceWindow::area),
                column("starts_at", w -> Cells.time(w.from())),
                column("ends_at", w -> Cells.time(w.to())),
                column("reason", MaintenanceWindow::reason),
                column("declared_by", MaintenanceWindow::declaredBy),
                column("declared_at", w -> Cells.time(w.declaredAt())),
                column("version", MaintenanceWindow::version));
    }
}
