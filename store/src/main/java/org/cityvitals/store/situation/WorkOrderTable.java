package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.TableMapping;

import java.util.List;

/** {@code work_orders}: one row per work order, the newest version kept. */
public final class WorkOrderTable implements TableMapping<WorkOrder> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "work_orders";
    }

    @Override
    public List<String> columns() {
        return List.of("order_id", "situation_id", "district", "assignee", "due_at", "status", "note", "created_by",
                "created_at", "updated_at", "version");
    }

    @Override
    public Object[] row(WorkOrder w) {
        return new Object[] {w.orderId(), w.situationId(), w.district(), w.assignee(), Cells.time(w.dueAt()),
                w.status(), Cells.text(w.note()), w.createdBy(), Cells.time(w.createdAt()), Cells.time(w.updatedAt()),
                w.version()};
    }
}
