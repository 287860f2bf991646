package org.cityvitals.store.table;

import org.cityvitals.store.SchemaMigrator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How one kind of record becomes one row of one ClickHouse table. Serializable: Flink ships it to its tasks. */
public interface TableMapping<T> extends Serializable {

    /** The table name without database. */
    String table();

    List<String> columns();

    /** Column values in {@link #columns()} order; instants as {@link java.sql.Timestamp}. */
    Object[] row(T record);

    /** The columns an insert writes: the mapping's own, then the schema version every fact row records. */
    default List<String> insertColumns() {
        List<String> columns = new ArrayList<>(columns());
        columns.add("schema_version");
        return columns;
    }

    /** The values of {@link #insertColumns()}: the row, stamped with the schema it was written under. */
    default Object[] insertRow(T record) {
        Object[] row = row(record);
        Object[] stamped = Arrays.copyOf(row, row.length + 1);
        stamped[row.length] = SchemaMigrator.CURRENT;
        return stamped;
    }
}
