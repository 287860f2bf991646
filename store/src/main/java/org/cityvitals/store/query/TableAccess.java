package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.table.TableMapping;

import java.sql.SQLException;
import java.util.List;

/**
 * One table of the platform's database as a query class uses it: records written through its mapping, and the
 * statements under {@code sql/} that read it back. The connection, database and statement loading every such class
 * needs, said once.
 */
final class TableAccess<T> {

    private final ClickHouse clickHouse;
    private final String database;
    private final TableMapping<T> mapping;
    private final QueryFiles queries;

    TableAccess(ClickHouse clickHouse, String database, TableMapping<T> mapping) {
        this.clickHouse = clickHouse;
        this.database = database;
        this.mapping = mapping;
        this.queries = new QueryFiles(clickHouse, database);
    }

    /** Writes one record; a retry with the same key folds into the same row. */
    void insert(T record) throws SQLException {
        insertAll(List.of(record));
    }

    /** Writes records in one insert (none: nothing is sent). */
    void insertAll(List<T> records) throws SQLException {
        clickHouse.insert(database, mapping, records);
    }

    /** Runs {@code sql/NAME.sql} with {@code params} and decodes every row it returns. */
    <R> List<R> rows(String statement, ClickHouse.RowMapper<R> decoder, Object... params) throws SQLException {
        return queries.rows(statement, decoder, params);
    }
}
