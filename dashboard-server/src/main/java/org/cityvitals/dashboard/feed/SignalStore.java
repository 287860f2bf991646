package org.cityvitals.dashboard.feed;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.ClickHouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads history and open alerts from the tables flink-jobs writes. Times travel as Unix seconds both ways so that
 * neither the JDBC driver's nor the server's time zone can shift them. Blocking: call off the event loop.
 */
public final class SignalStore {

    private final ClickHouse clickHouse;
    private final String database;

    public SignalStore(ClickHouse clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
    }

    /** Values of one indicator in one district with window start in [from, to), oldest first, corrections applied. */
    public List<IndicatorValue> history(String indicatorId, String district, Instant from, Instant to)
            throws SQLException {
        return clickHouse.query("SELECT indicator_id, district, toUnixTimestamp(window_start), "
                        + "toUnixTimestamp(window_end), value, samples, level, version "
                        + "FROM " + database + ".indicator_values FINAL "
                        + "WHERE indicator_id = ? AND district = ? "
                        + "AND window_start >= toDateTime(?) AND window_start < toDateTime(?) "
                        + "ORDER BY window_start",
                SignalStore::indicatorValue, indicatorId, district, from.getEpochSecond(), to.getEpochSecond());
    }

    /** The newest version of every alert whose newest transition is not "resolved". */
    public List<AlertEvent> openAlerts() throws SQLException {
        return clickHouse.query("SELECT alert_id, version, rule, indicator_id, district, kind, level, "
                        + "previous_level, value, threshold, toUnixTimestamp(event_time), message "
                        + "FROM " + database + ".alert_events FINAL "
                        + "WHERE (alert_id, version) IN "
                        + "(SELECT alert_id, max(version) FROM " + database + ".alert_events GROUP BY alert_id) "
                        + "AND kind != 'resolved'",
                SignalStore::alertEvent);
    }

    private static IndicatorValue indicatorValue(ResultSet rs) throws SQLException {
        return new IndicatorValue(rs.getString(1), rs.getString(2), Instant.ofEpochSecond(rs.getLong(3)),
                Instant.ofEpochSecond(rs.getLong(4)), rs.getDouble(5), rs.getLong(6), level(rs.getString(7)),
                rs.getLong(8));
    }

    private static AlertEvent alertEvent(ResultSet rs) throws SQLException {
        return new AlertEvent(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                AlertKind.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), level(rs.getString(7)),
                level(rs.getString(8)), rs.getDouble(9), rs.getDouble(10), Instant.ofEpochSecond(rs.getLong(11)),
                rs.getString(12));
    }

    private static Level level(String stored) {
        return Level.valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
