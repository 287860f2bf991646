package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.situation.Delivery;
import org.cityvitals.store.situation.DeliveryTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The delivery log of notifications ({@code notification_deliveries}): dashboard-server records every attempt, and
 * reads a situation's log back. The statement is {@code sql/situation/deliveries.sql}. Blocking: call off the event
 * loop.
 */
public final class DeliveryLog extends RecordLog<Delivery> {

    public DeliveryLog(ClickHouse clickHouse, String database) {
        super(clickHouse, database, new DeliveryTable(), DeliveryLog::delivery);
    }

    /** Records one attempt, whatever its outcome. */
    public void record(Delivery delivery) throws SQLException {
        write(delivery);
    }

    /** Every attempt for one situation, oldest first. */
    public List<Delivery> ofSituation(String situationId) throws SQLException {
        return read("situation/deliveries", situationId);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                Columns.instant(rs.getLong(11)));
    }
}
