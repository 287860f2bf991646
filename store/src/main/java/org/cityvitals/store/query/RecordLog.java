package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.table.TableMapping;

import java.sql.SQLException;
import java.util.List;

/**
 * A table the platform keeps records in one at a time and reads back as the same records: each record written as
 * one row, and statements under {@code sql/} that select whole records, each row decoded by the one decoder of the
 * table. What a log adds is its table, its decoder, and which records it reads back. Each log offers its own
 * {@code record} method for its own record type: a public {@code record(T)} here would compile to
 * {@code record(Object)}, and code compiled against a log's {@code record} would no longer link.
 */
abstract class RecordLog<T> {

    private final TableAccess<T> table;
    private final ClickHouse.RowMapper<T> decoder;

    RecordLog(ClickHouse clickHouse, String database, TableMapping<T> mapping, ClickHouse.RowMapper<T> decoder) {
        this.table = new TableAccess<>(clickHouse, database, mapping);
        this.decoder = decoder;
    }

    /** Writes one record; a retry with the same key folds into the same row. */
    final void write(T record) throws SQLException {
        table.insert(record);
    }

    /** The records {@code sql/NAME.sql} selects with {@code params}, in the statement's order. */
    final List<T> read(String statement, Object... params) throws SQLException {
        return table.rows(statement, decoder, params);
    }
}
