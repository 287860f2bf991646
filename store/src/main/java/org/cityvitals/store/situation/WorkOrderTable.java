package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.ColumnTable;

/** {@code work_orders}: one row per work order, the newest version kept. */
public final class WorkOrderTable extends ColumnTable<WorkOrder> {

    private static final long serialVersionUID = 2L;

    public WorkOrderTable() {
        super("work_orders",
                column("order_id", WorkOrder::orderId),
                column("situation_id", WorkOrder::situationId),
                column("district", WorkOrder::district),
                column("assignee", WorkOrder::assignee),
                column("due_at", w -> Cells.time(w.dueAt())),
                column("status", WorkOrder::status),
                column("note", w -> Cells.text(w.note())),
                column("created_by", WorkOrder::createdBy),
                column("created_at", w -> Cells.time(w.createdAt())),
                column("updated_at", w -> Cells.time(w.updatedAt())),
                column("version", WorkOrder::version));
    }
}
