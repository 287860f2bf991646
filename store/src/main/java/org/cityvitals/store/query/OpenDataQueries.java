package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What the public open-data feed reads: hourly values of one indicator in one area, from the hourly rollup (never the
 * raw tables). The statement is {@code sql/open/hourly-values.sql}. Blocking: call off the event loop.
 */
public final class OpenDataQueries {

    /** One hour of an indicator in an area: the mean, lowest and highest window value, and how many windows. */
    public record HourlyValue(Instant hour, double mean, double min, double max, long windows) {}

    private final QueryFiles queries;

    public OpenDataQueries(ClickHouse clickHouse, String database) {
        this.queries = new QueryFiles(clickHouse, database);
    }

    /** Hours in [from, to), oldest first. */
    public List<HourlyValue> hourly(String indicatorId, String area, Instant from, Instant to) throws SQLException {
        return queries.rows("open/hourly-values", rs -> new HourlyValue(Instant.ofEpochSecond(rs.getLong(1)),
                rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5)),
                indicatorId, area, from.getEpochSecond(), to.getEpochSecond());
    }
}
