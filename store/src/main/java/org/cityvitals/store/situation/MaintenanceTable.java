package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.TableMapping;

import java.util.List;

/** {@code maintenance_windows}: one row per window, the newest version kept. */
public final class MaintenanceTable implements TableMapping<MaintenanceWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "maintenance_windows";
    }

    @Override
    public List<String> columns() {
        return List.of("window_id", "kind", "target", "area", "starts_at", "ends_at", "reason", "declared_by",
                "declared_at", "version");
    }

    @Override
    public Object[] row(MaintenanceWindow w) {
        return new Object[] {w.windowId(), w.kind(), w.target(), w.area(), Cells.time(w.from()), Cells.time(w.to()),
                w.reason(), w.declaredBy(), Cells.time(w.declaredAt()), w.version()};
    }
}
