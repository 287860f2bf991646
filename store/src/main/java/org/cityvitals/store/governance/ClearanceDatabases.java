package org.cityvitals.store.governance;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ClassifiedItem;
import org.cityvitals.indicators.governance.ClassifiedTable;
import org.cityvitals.indicators.governance.ItemKind;
import org.cityvitals.store.ClickHouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One database per clearance ({@code cityvitals_open}, {@code cityvitals_internal}, {@code cityvitals_sensitive}),
 * each holding a copy of every table its clearance covers, kept filled by a materialized view on the platform's
 * table: only the columns and, for tables whose rows take their indicator's class, only the rows the clearance may
 * see. ClickHouse 18.16 has neither column grants nor row policies, and a view cannot read a database its user may
 * not open, so the copies are real tables; each clearance's analyst account may open only its own database
 * (local-stack's users.xml).
 *
 * <p>The views are generated from the data classification at {@code db migrate}, not written as a migration,
 * because a reclassification changes them. A view's name carries a hash of its SELECT: when the classification
 * changes, the new view is created before the old one is dropped (a row written in between is copied twice and
 * folds in the ReplacingMergeTree tables), rows of indicators no longer cleared are deleted and rows of newly
 * cleared indicators copied. A column or table classed above a clearance since its copy was made is dropped from
 * that clearance's database (classed back down, it returns empty for the rows copied meanwhile). Blocking.
 */
public final class ClearanceDatabases {

    private static final String FEED = "_feed_";
    private static final String ROW_KEY = "indicator_id";
    /** The SELECT of a materialized view's definition: what follows its first {@code AS SELECT}. */
    private static final Pattern WHERE = Pattern.compile("(?i)\\bWHERE\\b");
    private static final Pattern GROUP_BY = Pattern.compile("(?i)\\bGROUP\\s+BY\\b");
    /** Where a WHERE condition ends, short of the end of the statement. */
    private static final Pattern CONDITION_END = Pattern.compile("(?i)\\b(GROUP|ORDER)\\s+BY\\b");
    private static final Pattern VIEW_SELECT = Pattern.compile("(?s)^.*?\\sAS\\s+(SELECT\\b.*)$");

    private final ClickHouse server;
    private final String database;
    private final Classification classification;
    private final List<String> executed = new ArrayList<>();

    public ClearanceDatabases(ClickHouse server, String database, Classification classification) {
        this.server = server;
        this.database = database;
        this.classification = classification;
    }

    /** The database of a clearance: {@code cityvitals_open} for the platform database {@code cityvitals}. */
    public static String of(String database, Clearance clearance) {
        return database + "_" + WireNames.of(clearance);
    }

    /**
     * The read-only analyst account of a clearance, allowed into that clearance's database only:
     * {@code analyst_sensitive} (local-stack's users.xml declares them).
     */
    public static String account(Clearance clearance) {
        return "analyst_" + WireNames.of(clearance);
    }

    /** What {@link #apply} did: one line per table created or refiltered, and every statement it ran. */
    public record Applied(List<String> changes, List<String> statements) {}

    /** Creates or updates every clearance database. */
    public Applied apply() throws SQLException {
        executed.clear();
        List<String> changes = new ArrayList<>();
        for (Clearance clearance : Clearance.values()) {
            String target = of(database, clearance);
            run("CREATE DATABASE IF NOT EXISTS " + target);
            for (ClassifiedTable table : classification.tables()) {
                if (table.copied() && clearance.covers(table.item().dataClass())) {
                    mirror(table, clearance, target).ifChanged(changes::add);
                } else if (exists(target, table.id())) {
                    // classed above this clearance (or kept from copies) since the copy was made: it and its views go
                    for (String feed : feeds(target, table.id())) {
                        run("DROP TABLE " + target + "." + feed);
                    }
                    run("DROP TABLE " + target + "." + table.id());
                    changes.add(target + "." + table.id() + " dropped: now above clearance "
                            + WireNames.of(clearance));
                }
            }
        }
        return new Applied(changes, List.copyOf(executed));
    }

    private void run(String sql) throws SQLException {
        server.execute(sql);
        executed.add(sql);
    }

    private Change mirror(ClassifiedTable table, Clearance clearance, String target) throws SQLException {
        List<SourceColumn> columns = sourceColumns(table.id());
        String copy = target + "." + table.id();
        boolean created = !exists(target, table.id());
        if (created) {
            run("CREATE TABLE " + copy + " AS " + database + "." + table.id());
            for (SourceColumn column : columns) {
                if (!clearance.covers(table.columnClass(column.name()))) {
                    run("ALTER TABLE " + copy + " DROP COLUMN " + column.name());
                }
            }
        } else {
            addNewColumns(table, clearance, columns, target);
        }
        // a view writes its block into the copy as it is, so it must carry the MATERIALIZED columns as well (18.16
        // refuses a block without them); an INSERT may not name them, the copy computes them itself. A table that a
        // view of the platform fills (a rollup) is copied from that view's own SELECT: 18.16 runs no view on what
        // another view writes.
        String filter = rowFilter(table, clearance);
        Optional<String> fed = feedingSelect(table.id());
        if (fed.isPresent() && columns.stream().anyMatch(c -> !clearance.covers(table.columnClass(c.name())))) {
            throw new IllegalStateException(database + "." + table.id() + " is filled by a view and has columns "
                    + "classed above " + WireNames.of(clearance) + ": copying such a table is not built");
        }
        String select = fed.isPresent() ? filtered(fed.get(), filter) : select(table, clearance, columns, true);
        String feed = table.id() + FEED + hash(select);
        if (exists(target, feed)) {
            return Change.NONE;
        }
        String insertColumns = "(" + copiedColumns(table, clearance, columns, false) + ")";
        String insertSelect = select(table, clearance, columns, false);
        // a view's SELECT names its columns, which the target takes by name
        run("CREATE MATERIALIZED VIEW " + target + "." + feed + " TO " + copy + " AS " + select);
        for (String old : feeds(target, table.id())) {
            if (!old.equals(feed)) {
                run("DROP TABLE " + target + "." + old);
            }
        }
        // columns classed above the clearance since the copy was made go once no view writes them any more
        List<String> dropped = created ? List.of() : dropUncoveredColumns(table, clearance, target);
        if (created) {
            run("INSERT INTO " + copy + " " + insertColumns + " " + insertSelect);
        } else if (filter != null) {
            run("ALTER TABLE " + copy + " DELETE WHERE NOT (" + filter + ")");
            run("INSERT INTO " + copy + " " + insertColumns + " " + insertSelect + " AND " + ROW_KEY
                    + " NOT IN (SELECT " + ROW_KEY + " FROM " + copy + " GROUP BY " + ROW_KEY + ")");
        }
        return new Change(copy + (created ? " created" : " refiltered") + " for clearance "
                + WireNames.of(clearance) + (dropped.isEmpty() ? "" : ", columns " + String.join(", ", dropped)
                + " dropped"));
    }

    /** The SELECT that copies a table for a clearance: its visible stored columns, its visible rows. */
    private String select(ClassifiedTable table, Clearance clearance, List<SourceColumn> columns,
                          boolean withMaterialized) {
        String filter = rowFilter(table, clearance);
        return "SELECT " + copiedColumns(table, clearance, columns, withMaterialized) + " FROM " + database + "."
                + table.id() + where(filter);
    }

    private static String where(String filter) {
        return filter == null ? "" : " WHERE " + filter;
    }

    /**
     * A view's SELECT with {@code filter} added to its WHERE (18.16 cannot run a view over a subquery whose columns
     * are aggregate states, so the filter goes inside): before its GROUP BY, or at the end.
     */
    static String filtered(String select, String filter) {
        if (filter == null) {
            return select;
        }
        Matcher where = WHERE.matcher(select);
        if (where.find()) {
            // the existing condition in parentheses too: an OR in it must not escape the filter
            Matcher end = CONDITION_END.matcher(select);
            int conditionEnd = end.find(where.end()) ? end.start() : select.length();
            String rest = select.substring(conditionEnd);
            return select.substring(0, where.start()).stripTrailing() + " WHERE (" + filter + ") AND ("
                    + select.substring(where.end(), conditionEnd).strip() + ")" + (rest.isEmpty() ? "" : " " + rest);
        }
        Matcher groupBy = GROUP_BY.matcher(select);
        return groupBy.find() ? select.substring(0, groupBy.start()).stripTrailing() + " WHERE " + filter + " "
                + select.substring(groupBy.start()) : select + " WHERE " + filter;
    }

    /** The SELECT of the platform's materialized view that fills {@code table}, if one does. */
    private Optional<String> feedingSelect(String table) throws SQLException {
        Pattern into = Pattern.compile("(?s)\\bTO\\s+`?" + Pattern.quote(database) + "`?\\.`?" + Pattern.quote(table)
                + "`?[\\s(]");
        List<String> selects = new ArrayList<>();
        for (String view : server.query("SELECT create_table_query FROM system.tables WHERE database = ? "
                + "AND engine = 'MaterializedView'", rs -> rs.getString(1), database)) {
            Matcher select = VIEW_SELECT.matcher(view);
            if (into.matcher(view).find() && select.matches()) {
                selects.add(select.group(1).strip());
            }
        }
        if (selects.size() > 1) {
            throw new IllegalStateException(selects.size() + " views fill " + database + "." + table
                    + ": copying it for the clearance databases expects one");
        }
        return selects.stream().findFirst();
    }

    /** Which rows a clearance sees of a table whose rows take their indicator's class; null for all of them. */
    private String rowFilter(ClassifiedTable table, Clearance clearance) {
        if (!table.rowsByIndicator() || clearance == Clearance.SENSITIVE) {
            return null; // sensitive covers every class
        }
        List<String> cleared = classification.items(ItemKind.INDICATOR).stream()
                .filter(i -> clearance.covers(i.dataClass())).map(ClassifiedItem::id).toList();
        return cleared.isEmpty() ? "0" : ROW_KEY + " IN (" + cleared.stream().map(id -> "'" + id + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Columns whose class the clearance covers: those inserts write, and MATERIALIZED ones too when asked. */
    private static String copiedColumns(ClassifiedTable table, Clearance clearance, List<SourceColumn> columns,
                                        boolean withMaterialized) {
        return columns.stream().filter(c -> (c.kind() == ColumnKind.WRITTEN
                        || withMaterialized && c.kind() == ColumnKind.MATERIALIZED)
                        && clearance.covers(table.columnClass(c.name())))
                .map(SourceColumn::name).collect(Collectors.joining(", "));
    }

    /** How a column of the platform's table gets its value: written by inserts, computed on insert, or never stored. */
    private enum ColumnKind { WRITTEN, MATERIALIZED, ALIAS }

    /** A column of the platform's table: its name, how it gets its value, and its definition after the name. */
    private record SourceColumn(String name, ColumnKind kind, String definition) {}

    /**
     * Columns a migration added to the platform's table since the copy was made, and that the clearance covers: a
     * view writing a column its copy lacks would make every insert into the platform's table fail.
     */
    private void addNewColumns(ClassifiedTable table, Clearance clearance, List<SourceColumn> columns, String target)
            throws SQLException {
        List<String> copied = server.query("SELECT name FROM system.columns WHERE database = ? AND table = ?",
                rs -> rs.getString(1), target, table.id());
        for (SourceColumn column : columns) {
            if (!copied.contains(column.name()) && clearance.covers(table.columnClass(column.name()))) {
                run("ALTER TABLE " + target + "." + table.id() + " ADD COLUMN " + column.name() + " "
                        + column.definition());
            }
        }
    }

    /** Drops the copy's columns the clearance no longer covers; the names dropped. */
    private List<String> dropUncoveredColumns(ClassifiedTable table, Clearance clearance, String target)
            throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (String column : server.query("SELECT name FROM system.columns WHERE database = ? AND table = ?",
                rs -> rs.getString(1), target, table.id())) {
            if (!clearance.covers(table.columnClass(column))) {
                run("ALTER TABLE " + target + "." + table.id() + " DROP COLUMN " + column);
                dropped.add(column);
            }
        }
        return dropped;
    }

    private List<SourceColumn> sourceColumns(String table) throws SQLException {
        List<SourceColumn> columns = server.query("SELECT name, default_kind, type, default_expression "
                + "FROM system.columns WHERE database = ? AND table = ?", rs -> new SourceColumn(rs.getString(1),
                switch (rs.getString(2)) {
                    case "MATERIALIZED" -> ColumnKind.MATERIALIZED;
                    case "ALIAS" -> ColumnKind.ALIAS;
                    default -> ColumnKind.WRITTEN;
                }, rs.getString(3) + (rs.getString(2).isEmpty() ? "" : " " + rs.getString(2) + " " + rs.getString(4))),
                database, table);
        if (columns.isEmpty()) {
            throw new IllegalStateException("table " + database + "." + table + " is classified in "
                    + Classification.RESOURCE + " but does not exist: run the migrations first");
        }
        return columns;
    }

    private boolean exists(String db, String table) throws SQLException {
        return !server.query("SELECT name FROM system.tables WHERE database = ? AND name = ?", rs -> 1, db, table)
                .isEmpty();
    }

    private List<String> feeds(String db, String table) throws SQLException {
        return server.query("SELECT name FROM system.tables WHERE database = ? AND startsWith(name, ?)",
                rs -> rs.getString(1), db, table + FEED);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private record Change(String line) {
        static final Change NONE = new Change(null);

        void ifChanged(java.util.function.Consumer<String> then) {
            if (line != null) {
                then.accept(line);
            }
        }
    }
}
