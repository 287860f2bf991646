package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.access.Clearance;

import java.util.Map;

/**
 * A stored table: its class and owner, the columns classed apart from it, whether each row also takes the class of
 * the indicator it holds ({@code rowsByIndicator}: the table's class is then the lowest a row may have), and whether
 * the clearance databases copy it ({@code copied}; {@code copies: none} keeps a table such as the platform's own
 * accounts from every analyst, whatever its class).
 */
public record ClassifiedTable(ClassifiedItem item, boolean rowsByIndicator, Map<String, ClassifiedColumn> columns,
                              boolean copied) {

    public ClassifiedTable {
        columns = Map.copyOf(columns);
    }

    public String id() {
        return item.id();
    }

    /** The class of a column: its own when listed, else the table's. */
    public Clearance columnClass(String column) {
        ClassifiedColumn listed = columns.get(column);
        return listed == null ? item.dataClass() : listed.dataClass();
    }
}
