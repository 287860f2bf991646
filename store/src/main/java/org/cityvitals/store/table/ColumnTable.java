package org.cityvitals.store.table;

import java.io.Serializable;
import java.util.List;

/**
 * A {@link TableMapping} written as its columns, each column's name beside the value a record puts in it, so the
 * names and the values cannot drift out of order.
 */
public abstract class ColumnTable<T> implements TableMapping<T> {

    private static final long serialVersionUID = 1L;

    /** What a record puts in one column. Serializable, as the mapping is. */
    @FunctionalInterface
    public interface Cell<T> extends Serializable {
        Object of(T record);
    }

    /** One column: its name and its value. */
    public record Column<T>(String name, Cell<T> cell) implements Serializable {
    }

    private final String table;
    private final List<Column<T>> columns;

    @SafeVarargs
    protected ColumnTable(String table, Column<T>... columns) {
        this.table = table;
        this.columns = List.of(columns);
    }

    protected static <T> Column<T> column(String name, Cell<T> cell) {
        return new Column<>(name, cell);
    }

    @Override
    public final String table() {
        return table;
    }

    @Override
    public final List<String> columns() {
        return columns.stream().map(Column::name).toList();
    }

    @Override
    public final Object[] row(T record) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = columns.get(i).cell().of(record);
        }
        return row;
    }
}
