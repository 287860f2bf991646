package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The freshness the metadata catalogue shows: the newest reading of each metric, window of each indicator and case
 * of each incident channel. The statement is {@code sql/catalogue/freshness.sql}. Blocking: call off the event loop.
 */
public final class CatalogueQueries {

    private final QueryFiles queries;

    public CatalogueQueries(ClickHouse clickHouse, String database) {
        this.queries = new QueryFiles(clickHouse, database);
    }

    /**
     * The newest data since {@code since}, keyed {@code metric:ID}, {@code indicator:ID}, {@code source:CHANNEL};
     * items without data since then are absent.
     */
    public Map<String, Instant> newestSince(Instant since) throws SQLException {
        Map<String, Instant> newest = new LinkedHashMap<>();
        long from = since.getEpochSecond();
        for (Map.Entry<String, Instant> row : queries.rows("catalogue/freshness", rs -> Map.entry(rs.getString(1) + ":"
                + rs.getString(2), Instant.ofEpochSecond(rs.getLong(3))), from, from, from)) {
            newest.put(row.getKey(), row.getValue());
        }
        return newest;
    }
}
