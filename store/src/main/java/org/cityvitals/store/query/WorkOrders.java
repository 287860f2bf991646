package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.situation.WorkOrder;
import org.cityvitals.store.situation.WorkOrderTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Work orders ({@code work_orders}): dashboard-server records each one and each change of status, and reads them
 * back per situation (statements {@code sql/situation/work-orders.sql}, {@code work-order.sql}). Blocking: call off
 * the event loop.
 */
public final class WorkOrders extends RecordLog<WorkOrder> {

    public WorkOrders(ClickHouse clickHouse, String database) {
        super(clickHouse, database, new WorkOrderTable(), WorkOrders::order);
    }

    /** Records a new work order, or a change of one under a higher version. */
    public void record(WorkOrder order) throws SQLException {
        write(order);
    }

    /** The work orders of one situation, oldest first. */
    public List<WorkOrder> ofSituation(String situationId) throws SQLException {
        return read("situation/work-orders", situationId);
    }

    public Optional<WorkOrder> find(String orderId) throws SQLException {
        return read("situation/work-order", orderId).stream().findFirst();
    }

    private static WorkOrder order(ResultSet rs) throws SQLException {
        return new WorkOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Columns.instant(rs.getLong(5)), rs.getString(6), Columns.emptyToNull(rs.getString(7)),
                rs.getString(8), Columns.instant(rs.getLong(9)), Columns.instant(rs.getLong(10)), rs.getInt(11));
    }
}
