package org.cityvitals.store;

import org.cityvitals.indicators.cli.ClickHouseOptions;
import org.cityvitals.indicators.cli.CommandGroup;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.store.dimension.DimensionLoader;
import org.cityvitals.store.audit.AuditEntry;
import org.cityvitals.store.governance.ClearanceDatabases;
import org.cityvitals.store.query.AuditLog;
import org.cityvitals.store.retention.PersonalData;
import org.cityvitals.store.retention.Retention;
import org.cityvitals.store.retention.RetentionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cityvitals db …}: the store's commands. Each prints what it did; exit code 0 done, 1 ClickHouse refused or
 * could not be reached (the message names the URL and database), 2 bad arguments.
 */
@Command(name = "db", description = "The ClickHouse schema, dimension tables and retention.",
        mixinStandardHelpOptions = true,
        subcommands = {DbCommand.Migrate.class, DbCommand.RetentionDays.class, DbCommand.Dimensions.class,
                DbCommand.Forget.class})
public final class DbCommand extends CommandGroup {

    /** What every subcommand shares: the server, the database, and turning a refusal into exit code 1. */
    abstract static class StoreAction implements Callable<Integer> {
        @Mixin
        ClickHouseOptions clickHouse;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ClickHouse server = new ClickHouse(clickHouse.url());
            PrintWriter out = spec.commandLine().getOut();
            try {
                run(server, clickHouse.database(), out);
                return 0;
            } catch (SQLException e) {
                out.println("db " + spec.name() + " failed against " + server.url() + " (database "
                        + clickHouse.database() + "): " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("db " + spec.name() + ": " + e.getMessage());
                return 2;
            }
        }

        abstract void run(ClickHouse server, String database, PrintWriter out) throws SQLException;
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply new schema migrations, reload the dimension tables, then bring the analysts' "
                    + "clearance databases in line with the data classification.")
    static final class Migrate extends StoreAction {
        @Override
        void run(ClickHouse server, String database, PrintWriter out) throws SQLException {
            List<Integer> applied = new SchemaMigrator(server, database).migrate();
            Map<Integer, String> names = new HashMap<>();
            SchemaMigrator.migrations().forEach(m -> names.put(m.version(), m.name()));
            int latest = SchemaMigrator.migrations().get(SchemaMigrator.migrations().size() - 1).version();
            if (applied.isEmpty()) {
                out.printf("%s is already up to date (schema version %d)%n", database, latest);
            }
            for (int version : applied) {
                out.printf("applied V%03d %s to %s%n", version, names.get(version), database);
            }
            loadDimensions(server, database, out);
            ClearanceDatabases.Applied clearances = new ClearanceDatabases(server, database,
                    Classification.loadDefault()).apply();
            clearances.changes().forEach(out::println);
            if (clearances.changes().isEmpty()) {
                out.println("the clearance databases of " + database + " match the data classification");
            }
            // the data standard and its classification as loaded, and what that changed: who, when, what
            new AuditLog(server, database).record(new AuditEntry(Instant.now(), "cli:" + System.getProperty(
                    "user.name"), "catalogue_loaded", database, "migrations applied: " + applied.size()
                    + "; clearance changes: " + (clearances.changes().isEmpty() ? "none"
                    : String.join("; ", clearances.changes()))));
        }
    }

    @Command(name = "dimensions", mixinStandardHelpOptions = true,
            description = "Reload dim_districts, dim_indicators, dim_sensors and dim_levels from the data standard.")
    static final class Dimensions extends StoreAction {
        @Override
        void run(ClickHouse server, String database, PrintWriter out) throws SQLException {
            loadDimensions(server, database, out);
        }
    }

    @Command(name = "retention", mixinStandardHelpOptions = true,
            description = "Drop partitions older than each table's retention, and clear personal information "
                    + "(incidents' exact locations) older than its own.")
    static final class RetentionDays extends StoreAction {
        @Option(names = "--keep", paramLabel = "TABLE=DAYS|forever,…", converter = PolicyConverter.class,
                description = "Change the retention of some tables (defaults: ${DEFAULT-VALUE})")
        RetentionPolicy policy = RetentionPolicy.defaults();

        @Option(names = "--personal-days", paramLabel = "DAYS",
                description = "Days personal information is kept (default: ${DEFAULT-VALUE})")
        int personalDays = PersonalData.DEFAULT_DAYS;

        @Override
        void run(ClickHouse server, String database, PrintWriter out) throws SQLException {
            Instant now = Instant.now();
            List<String> dropped = new Retention(server, database, policy).apply(now);
            if (dropped.isEmpty()) {
                out.println("no partition of " + database + " is past its retention (" + policy + ")");
            }
            dropped.forEach(partition -> out.println("dropped partition " + partition));
            new PersonalData(server, database, Classification.loadDefault()).expire(now, personalDays)
                    .forEach(out::println);
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Clear the personal information of one record on request of the person it is about "
                    + "(recorded in the audit log).")
    static final class Forget extends StoreAction {
        @Option(names = "--table", required = true, description = "The table, e.g. incidents")
        String table;

        @Option(names = "--id", required = true, description = "The record's id, e.g. the incident's")
        String id;

        @Override
        void run(ClickHouse server, String database, PrintWriter out) throws SQLException {
            List<String> cleared = new PersonalData(server, database, Classification.loadDefault()).forget(table, id);
            cleared.forEach(out::println);
            new AuditLog(server, database).record(new AuditEntry(Instant.now(), "cli:"
                    + System.getProperty("user.name"), "personal_data_forgotten", table + " " + id,
                    String.join("; ", cleared)));
        }
    }

    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<RetentionPolicy> {
        @Override
        public RetentionPolicy convert(String value) {
            return RetentionPolicy.parse(value);
        }
    }

    private static void loadDimensions(ClickHouse server, String database, PrintWriter out) throws SQLException {
        Map<String, Integer> loaded = new DimensionLoader(server, database).load(Instant.now());
        StringBuilder line = new StringBuilder("loaded dimensions into " + database + ":");
        loaded.forEach((table, rows) -> line.append(' ').append(table).append('=').append(rows));
        out.println(line);
    }
}
