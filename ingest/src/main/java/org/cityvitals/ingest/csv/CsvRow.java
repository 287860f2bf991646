package org.cityvitals.ingest.csv;

import java.util.List;
import java.util.Map;

/**
 * One record of a CSV file: its first line number (1-based, header is line 1), its original text (for dead letters)
 * and its fields, addressable by header name.
 */
public record CsvRow(long line, String raw, List<String> fields, Map<String, Integer> columns) {

    /** The field under {@code column}, or fails when the file has no such column (a programming error, not bad data). */
    public String get(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("no column '" + column + "' in header " + columns.keySet());
        }
        return fields.get(index);
    }

    public boolean hasExpectedWidth() {
        return fields.size() == columns.size();
    }
}
