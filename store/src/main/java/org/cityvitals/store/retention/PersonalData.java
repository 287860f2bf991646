package org.cityvitals.store.retention;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ClassifiedColumn;
import org.cityvitals.indicators.governance.ClassifiedTable;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.governance.ClearanceDatabases;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Personal information — the columns the data classification marks as carrying where a person was, who called or
 * what a person wrote — kept no longer than its retention, and removed on request. Older rows keep everything else
 * (counts, times, categories) with those columns cleared: NULL, or an empty string for text. The platform's
 * database and every clearance database whose copy holds the column are cleared alike: the copies are filled by
 * materialized views on insert, so a later change to the platform's table never reaches them by itself. ClickHouse
 * 18.16 has no TTL; {@code ALTER … UPDATE} is a mutation the server applies in the background. Blocking.
 */
public final class PersonalData {

    /** The default retention of personal information, in days. */
    public static final int DEFAULT_DAYS = 180;
    /** Per table with personal columns: the column that dates a row, and the one that names it. */
    private static final Map<String, String[]> TIME_AND_ID = Map.of("incidents", new String[] {"reported_at", "id"});
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:._-]{1,200}");

    private final ClickHouse server;
    private final String database;
    private final Classification classification;

    public PersonalData(ClickHouse server, String database, Classification classification) {
        this.server = server;
        this.database = database;
        this.classification = classification;
    }

    /** Clears personal columns of rows older than {@code days} at {@code now}; one line per table cleared. */
    public List<String> expire(Instant now, int days) throws SQLException {
        if (days < 1) {
            throw new IllegalArgumentException("the retention of personal information must be at least 1 day: " + days);
        }
        long cutoff = now.minus(days, ChronoUnit.DAYS).getEpochSecond();
        return clear(table -> timeAndId(table)[0] + " < toDateTime(" + cutoff + ")", "older than " + days + " days");
    }

    /** Clears the personal columns of one row, on request of the person it is about (e.g. an incident's id). */
    public List<String> forget(String table, String id) throws SQLException {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a record id: '" + id + "' (letters, digits, : . _ - only)");
        }
        ClassifiedTable classified = classification.table(table).filter(t -> !personalColumns(t).isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("table " + table + " holds no personal information; "
                        + "tables that do: " + String.join(", ", TIME_AND_ID.keySet())));
        return clear(t -> t.id().equals(classified.id()) ? timeAndId(t)[1] + " = '" + id + "'" : null,
                "of " + table + " " + id);
    }

    private interface RowCondition {
        /** Which rows of {@code table} to clear; null for none. */
        String of(ClassifiedTable table);
    }

    private List<String> clear(RowCondition rows, String what) throws SQLException {
        List<String> done = new ArrayList<>();
        for (ClassifiedTable table : classification.tables()) {
            List<String> personal = personalColumns(table);
            String condition = personal.isEmpty() ? null : rows.of(table);
            if (condition == null) {
                continue;
            }
            List<String> databases = new ArrayList<>(List.of(database));
            for (Clearance clearance : Clearance.values()) {
                databases.add(ClearanceDatabases.of(database, clearance));
            }
            for (String db : databases) {
                List<String> cleared = clearIn(db, table.id(), personal, condition);
                if (!cleared.isEmpty()) {
                    done.add(db + "." + table.id() + ": " + String.join(", ", cleared) + " cleared " + what);
                }
            }
        }
        return done;
    }

    /** Clears those of {@code columns} the table in {@code db} has; the ones it cleared. */
    private List<String> clearIn(String db, String table, List<String> columns, String condition)
            throws SQLException {
        List<String> assignments = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        for (String[] column : server.query("SELECT name, type FROM system.columns WHERE database = ? AND table = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, db, table)) {
            if (columns.contains(column[0])) {
                assignments.add(column[0] + " = " + (column[1].startsWith("Nullable") ? "NULL" : "''"));
                cleared.add(column[0]);
            }
        }
        if (!assignments.isEmpty()) {
            server.execute("ALTER TABLE " + db + "." + table + " UPDATE " + String.join(", ", assignments)
                    + " WHERE " + condition);
        }
        return cleared;
    }

    private static List<String> personalColumns(ClassifiedTable table) {
        return table.columns().values().stream().filter(c -> c.carries() != null && c.carries().personal())
                .map(ClassifiedColumn::name).sorted().toList();
    }

    private static String[] timeAndId(ClassifiedTable table) {
        String[] known = TIME_AND_ID.get(table.id());
        if (known == null) {
            // fail closed: a table given personal columns must say how its rows are dated before it may hold them
            throw new IllegalStateException("table " + table.id() + " has personal columns but no time and id "
                    + "column for their retention: add it to " + PersonalData.class.getSimpleName());
        }
        return known;
    }
}
