package org.cityvitals.store.table;

import java.io.Serializable;
import java.util.List;

/** How one kind of record becomes one row of one ClickHouse table. Serializable: Flink ships it to its tasks. */
public interface TableMapping<T> extends Serializable {

    /** The table name without database. */
    String table();

    List<String> columns();

    /** Column values in {@link #columns()} order; instants as {@link java.sql.Timestamp}. */
    Object[] row(T record);
}
