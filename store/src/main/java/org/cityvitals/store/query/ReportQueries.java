package org.cityvitals.store.query;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What the daily report reads beyond the response times: the worst indicators of a day (statement
 * {@code sql/report/worst-indicators.sql}). Blocking: call off the event loop.
 */
public final class ReportQueries {

    private final QueryFiles queries;

    /** One indicator's worst level over the range, and how many alert episodes it had. */
    public record WorstIndicator(String indicatorId, Level worstLevel, long episodes) {}

    public ReportQueries(ClickHouse clickHouse, String database) {
        this.queries = new QueryFiles(clickHouse, database);
    }

    /** The (at most 10) indicators whose alerts in {@code districts} reached the worst levels in [from, to). */
    public List<WorstIndicator> worstIndicators(Collection<String> districts, Instant from, Instant to)
            throws SQLException {
        return queries.rows("report/worst-indicators",
                rs -> new WorstIndicator(rs.getString(1), bySeverity(rs.getInt(2)), rs.getLong(3)),
                from.getEpochSecond(), to.getEpochSecond(), String.join(",", districts));
    }

    /** The level stored as Enum8 number {@code n} (normal 0 … red 4). */
    private static Level bySeverity(int n) {
        return Arrays.stream(Level.values()).filter(l -> l.severity() == n).findFirst().orElseThrow(
                () -> new IllegalStateException("no level has the stored number " + n));
    }
}
