package org.cityvitals.store.query;

import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.ClickHouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The history of indicator values and health scores that flink-jobs writes, corrections applied. The statements are
 * in {@code sql/history/}. Blocking: call off the event loop.
 */
public final class HistoryQueries {

    private final QueryFiles queries;

    public HistoryQueries(ClickHouse clickHouse, String database) {
        this.queries = new QueryFiles(clickHouse, database);
    }

    /** Values of one indicator in one area (district or city code) with window start in [from, to), oldest first. */
    public List<IndicatorValue> indicatorValues(String indicatorId, String area, Instant from, Instant to)
            throws SQLException {
        return queries.rows("history/indicator-values", HistoryQueries::indicatorValue, indicatorId, area,
                from.getEpochSecond(), to.getEpochSecond());
    }

    /** Health scores of one area with window start in [from, to), oldest first. */
    public List<HealthScoreValue> healthScores(String area, Instant from, Instant to) throws SQLException {
        return queries.rows("history/health-scores", rs -> new HealthScoreValue(rs.getString(1),
                        Columns.instant(rs.getLong(2)), rs.getDouble(3), Columns.level(rs.getString(4)), rs.getLong(5)),
                area, from.getEpochSecond(), to.getEpochSecond());
    }

    private static IndicatorValue indicatorValue(ResultSet rs) throws SQLException {
        return new IndicatorValue(rs.getString(1), rs.getString(2), Columns.instant(rs.getLong(3)),
                Columns.instant(rs.getLong(4)), rs.getDouble(5), rs.getLong(6), Columns.level(rs.getString(7)),
                rs.getLong(8));
    }
}
