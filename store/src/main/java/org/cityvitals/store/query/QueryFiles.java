package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements under {@code sql/} as one database runs them. A query class names the file where it runs it, so a
 * reader goes from a method straight to its SQL; each file is read ({@link SqlFile}) the first time it is named and
 * kept from then on. Safe to share between threads.
 */
final class QueryFiles {

    private final ClickHouse clickHouse;
    private final String database;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    QueryFiles(ClickHouse clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
    }

    /** Runs {@code sql/NAME.sql} with {@code params} for its {@code ?}s and decodes every row it returns. */
    <R> List<R> rows(String name, ClickHouse.RowMapper<R> decoder, Object... params) throws SQLException {
        return clickHouse.query(statements.computeIfAbsent(name, n -> SqlFile.load(n, database)), decoder, params);
    }
}
