package org.cityvitals.dashboard.feed;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.ClickHouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads indicator and health history from the tables flink-jobs writes. Times travel as Unix seconds both ways so that
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

    /** Health scores of one district (or "city") with window start in [from, to), oldest first. */
    public List<HealthScoreValue> healthHistory(String district, Instant from, Instant to) throws SQLException {
        return clickHouse.query("SELECT district, toUnixTimestamp(window_start), score, worst_level, version "
                        + "FROM " + database + ".health_scores FINAL "
                        + "WHERE district = ? AND window_start >= toDateTime(?) AND window_start < toDateTime(?) "
                        + "ORDER BY window_start",
                rs -> new HealthScoreValue(rs.getString(1), Instant.ofEpochSecond(rs.getLong(2)), rs.getDouble(3),
                        level(rs.getString(4)), rs.getLong(5)),
                district, from.getEpochSecond(), to.getEpochSecond());
    }

    private static IndicatorValue indicatorValue(ResultSet rs) throws SQLException {
        return new IndicatorValue(rs.getString(1), rs.getString(2), Instant.ofEpochSecond(rs.getLong(3)),
                Instant.ofEpochSecond(rs.getLong(4)), rs.getDouble(5), rs.getLong(6), level(rs.getString(7)),
                rs.getLong(8));
    }

    static Level level(String stored) {
        return WireNames.parse(Level.class, stored);
    }
}
