package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.situation.MaintenanceTable;
import org.cityvitals.store.situation.MaintenanceWindow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Maintenance windows ({@code maintenance_windows}): dashboard-server records what an operator declares and every
 * instance reads the windows back (statement {@code sql/situation/maintenance-windows.sql}). Blocking: call off the
 * event loop.
 */
public final class MaintenanceLog extends RecordLog<MaintenanceWindow> {

    public MaintenanceLog(ClickHouse clickHouse, String database) {
        super(clickHouse, database, new MaintenanceTable(), MaintenanceLog::window);
    }

    /** Records a window as declared, or as changed under a higher version. */
    public void record(MaintenanceWindow window) throws SQLException {
        write(window);
    }

    /** Every window that ends after {@code instant}, newest version of each, by start. */
    public List<MaintenanceWindow> endingAfter(Instant instant) throws SQLException {
        return read("situation/maintenance-windows", instant.getEpochSecond());
    }

    private static MaintenanceWindow window(ResultSet rs) throws SQLException {
        return new MaintenanceWindow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Columns.instant(rs.getLong(5)), Columns.instant(rs.getLong(6)), rs.getString(7), rs.getString(8),
                Columns.instant(rs.getLong(9)), rs.getInt(10));
    }
}
