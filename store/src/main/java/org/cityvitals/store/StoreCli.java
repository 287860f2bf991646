package org.cityvitals.store;

import org.cityvitals.store.dimension.DimensionLoader;
import org.cityvitals.store.retention.Retention;
import org.cityvitals.store.retention.RetentionPolicy;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./cityvitals db …}: the store's commands, called by the launcher. Each prints what it did and returns an
 * exit code: 0 done, 1 ClickHouse refused or could not be reached, 2 bad arguments.
 */
public final class StoreCli {

    public static final String DEFAULT_URL = "jdbc:clickhouse://127.0.0.1:8123/default";
    public static final String DEFAULT_DATABASE = "cityvitals";

    static final String USAGE = """
            usage: db migrate    [--clickhouse JDBC-URL] [--database NAME]
                                 apply new schema migrations, then reload the dimension tables
                   db retention  [--clickhouse JDBC-URL] [--database NAME] [--keep TABLE=DAYS|forever,...]
                                 drop partitions older than each table's retention
                   db dimensions [--clickhouse JDBC-URL] [--database NAME]
                                 reload dim_districts, dim_indicators, dim_sensors, dim_levels from the data standard
            defaults: --clickhouse %s --database %s
            retention defaults: %s""".formatted(DEFAULT_URL, DEFAULT_DATABASE, RetentionPolicy.defaults());

    private static final Set<String> CONNECTION_OPTIONS = Set.of("--clickhouse", "--database");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "migrate", CONNECTION_OPTIONS,
            "dimensions", CONNECTION_OPTIONS,
            "retention", Set.of("--clickhouse", "--database", "--keep"));

    private StoreCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            out.println(USAGE);
            return 2;
        }
        String command = args[0];
        if (!OPTIONS.containsKey(command)) {
            out.println("unknown command 'db " + command + "'");
            out.println(USAGE);
            return 2;
        }
        Map<String, String> flags;
        try {
            flags = flags(args, OPTIONS.get(command));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        ClickHouse server = new ClickHouse(flags.getOrDefault("--clickhouse", DEFAULT_URL));
        String database = flags.getOrDefault("--database", DEFAULT_DATABASE);
        try {
            switch (command) {
                case "migrate" -> {
                    migrate(server, database, out);
                    loadDimensions(server, database, out);
                }
                case "dimensions" -> loadDimensions(server, database, out);
                case "retention" -> retention(server, database, policy(flags), out);
                default -> throw new IllegalStateException("no action for command " + command);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        } catch (SQLException e) {
            out.println("db " + command + " failed against " + server.url() + " (database " + database + "): "
                    + e.getMessage());
            return 1;
        }
    }

    private static void migrate(ClickHouse server, String database, PrintStream out) throws SQLException {
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
    }

    private static void loadDimensions(ClickHouse server, String database, PrintStream out) throws SQLException {
        Map<String, Integer> loaded = new DimensionLoader(server, database).load(Instant.now());
        StringBuilder line = new StringBuilder("loaded dimensions into " + database + ":");
        loaded.forEach((table, rows) -> line.append(' ').append(table).append('=').append(rows));
        out.println(line);
    }

    private static void retention(ClickHouse server, String database, RetentionPolicy policy, PrintStream out)
            throws SQLException {
        List<String> dropped = new Retention(server, database, policy).apply(Instant.now());
        if (dropped.isEmpty()) {
            out.println("no partition of " + database + " is past its retention (" + policy + ")");
        }
        dropped.forEach(partition -> out.println("dropped partition " + partition));
    }

    private static RetentionPolicy policy(Map<String, String> flags) {
        String keep = flags.get("--keep");
        return keep == null ? RetentionPolicy.defaults() : RetentionPolicy.parse(keep);
    }

    /** {@code --flag value} pairs after the command; anything else is refused with the reason. */
    private static Map<String, String> flags(String[] args, Set<String> allowed) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!allowed.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "' for db " + args[0]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }
}
