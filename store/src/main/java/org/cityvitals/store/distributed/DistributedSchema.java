package org.cityvitals.store.distributed;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's schema on a sharded ClickHouse cluster, built from the same migrations as a single server.
 *
 * <p>On every server, {@code <database>_local} holds the real tables and materialized views, applied by
 * {@link SchemaMigrator} exactly as on a single server (so rollup views run on each shard, over that shard's rows).
 * {@code <database>} holds, under the same names, a {@code Distributed} table over each of them, sharded by the key
 * in {@code db/distributed/sharding.properties}, plus whole copies of the small dimension tables. Every writer and
 * reader (the Flink job, the dashboard, analysts, {@code db migrate}) keeps using {@code <database>} unchanged, on
 * any server. {@code <database>.schema_version} records each migration as applied in this form, so the job's own
 * migration at start finds nothing to do rather than creating single-server tables and views beside the Distributed
 * ones; a new migration is applied by running this again, and a front table built before it gets its new columns.
 *
 * <p>Columns the server computes ({@code MATERIALIZED}) stay out of the Distributed table: 18.16 refuses to forward
 * them to the shards. They remain readable on the shards' local tables.
 */
public final class DistributedSchema {

    public static final String LOCAL_SUFFIX = "_local";
    static final String REPLICATED = "replicated";

    private final List<ClickHouse> servers;
    private final String cluster;
    private final String database;
    private final Map<String, String> sharding;
    private final boolean replicated;

    /**
     * @param servers  one connection per server of the cluster (each to its {@code default} database)
     * @param cluster  the cluster's name in the servers' {@code remote_servers}
     * @param database the platform's database, {@code cityvitals} by default
     */
    public DistributedSchema(List<ClickHouse> servers, String cluster, String database) {
        this(servers, cluster, database, false);
    }

    /**
     * @param replicated shards with several replicas: the local tables use the {@code Replicated} variant of their
     *                   engine, with the {@code {shard}} and {@code {replica}} macros every server defines (the
     *                   ClickHouse operator sets them), and coordination through ZooKeeper or ClickHouse Keeper
     */
    public DistributedSchema(List<ClickHouse> servers, String cluster, String database, boolean replicated) {
        this.servers = List.copyOf(servers);
        this.cluster = cluster;
        this.database = database;
        this.sharding = shippedSharding();
        this.replicated = replicated;
    }

    public String localDatabase() {
        return database + LOCAL_SUFFIX;
    }

    /** Applies new migrations to every server's local database, then (re)builds the front database on each. */
    public void apply() throws SQLException {
        for (ClickHouse server : servers) {
            new SchemaMigrator(server, localDatabase(), replicated ? DistributedSchema::replicatedEngine
                    : UnaryOperator.identity()).migrate();
        }
        for (ClickHouse server : servers) {
            buildFront(server);
        }
    }

    private void buildFront(ClickHouse server) throws SQLException {
        String local = localDatabase();
        server.execute("CREATE DATABASE IF NOT EXISTS " + database);
        server.execute("CREATE TABLE IF NOT EXISTS " + database + ".schema_version AS " + local + ".schema_version");
        List<String[]> tables = server.query("SELECT name, engine_full FROM system.tables WHERE database = '"
                + local + "' AND engine LIKE '%MergeTree' AND name != 'schema_version' ORDER BY name",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        for (String[] t : tables) {
            String table = t[0];
            String key = sharding.get(table);
            if (key == null) {
                throw new IllegalStateException("table " + local + "." + table + " has no entry in "
                        + "db/distributed/sharding.properties: say how it is sharded (a hash of its ORDER BY "
                        + "columns) or that it is replicated");
            }
            catchUpWithLocal(server, table, key.equals(REPLICATED));
            // A whole copy: the local table's engine, with its own replication path when replicated.
            server.execute(key.equals(REPLICATED)
                    ? "CREATE TABLE IF NOT EXISTS " + database + "." + table + " AS " + local + "." + table
                    + " ENGINE = " + t[1].replace("/" + local + "/", "/" + database + "/")
                    : "CREATE TABLE IF NOT EXISTS " + database + "." + table + " (" + forwardedColumns(server, table)
                    + ") ENGINE = Distributed(" + cluster + ", " + local + ", " + table + ", " + key + ")");
        }
        server.execute("INSERT INTO " + database + ".schema_version SELECT * FROM " + local + ".schema_version"
                + " WHERE version NOT IN (SELECT version FROM " + database + ".schema_version)");
    }

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\S+)\\.(\\w+)");
    private static final Pattern ENGINE = Pattern.compile("ENGINE = (\\w*MergeTree)\\(([^)]*)\\)");

    /**
     * {@code ENGINE = ReplacingMergeTree(version)} of table {@code db.t} becomes {@code ENGINE =
     * ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/db/t', '{replica}', version)}; views are unchanged.
     */
    static String replicatedEngine(String statement) {
        Matcher table = TABLE.matcher(statement);
        Matcher engine = ENGINE.matcher(statement);
        if (!table.find() || !engine.find()) {
            return statement;
        }
        String path = "'/clickhouse/tables/{shard}/" + table.group(1) + "/" + table.group(2) + "', '{replica}'";
        String args = engine.group(2).isBlank() ? path : path + ", " + engine.group(2);
        return statement.substring(0, engine.start()) + "ENGINE = Replicated" + engine.group(1) + "(" + args + ")"
                + statement.substring(engine.end());
    }

    /**
     * A front table built before a migration added columns to its local table gets them: a whole copy by {@code ALTER
     * TABLE … ADD COLUMN} (it holds data), a Distributed table by being dropped here and created again (it holds
     * none; writers are stopped while the schema is applied).
     */
    private void catchUpWithLocal(ClickHouse server, String table, boolean wholeCopy) throws SQLException {
        List<String> front = columnNames(server, database, table);
        if (front.isEmpty()) {
            return; // not built yet
        }
        List<String> missing = new ArrayList<>(columnNames(server, localDatabase(), table));
        missing.removeAll(front);
        if (!wholeCopy) {
            missing.removeAll(materializedColumns(server, table));
            if (!missing.isEmpty()) {
                server.execute("DROP TABLE " + database + "." + table);
            }
            return;
        }
        for (String column : missing) {
            server.execute("ALTER TABLE " + database + "." + table + " ADD COLUMN " + column(server, table, column));
        }
    }

    private static List<String> columnNames(ClickHouse server, String db, String table) throws SQLException {
        return server.query("SELECT name FROM system.columns WHERE database = '" + db + "' AND table = '" + table
                + "'", rs -> rs.getString(1));
    }

    private List<String> materializedColumns(ClickHouse server, String table) throws SQLException {
        return server.query("SELECT name FROM system.columns WHERE database = '" + localDatabase() + "' AND table = '"
                + table + "' AND default_kind = 'MATERIALIZED'", rs -> rs.getString(1));
    }

    private String column(ClickHouse server, String table, String column) throws SQLException {
        return server.query("SELECT type, default_kind, default_expression FROM system.columns WHERE database = '"
                + localDatabase() + "' AND table = '" + table + "' AND name = '" + column + "'",
                rs -> column + " " + rs.getString(1) + (rs.getString(2).isEmpty() ? ""
                        : " " + rs.getString(2) + " " + rs.getString(3))).get(0);
    }

    /** The local table's columns as the Distributed table declares them: every one the writer sends. */
    private String forwardedColumns(ClickHouse server, String table) throws SQLException {
        List<String> columns = server.query("SELECT name, type, default_kind, default_expression FROM system.columns"
                + " WHERE database = '" + localDatabase() + "' AND table = '" + table + "' AND default_kind !="
                + " 'MATERIALIZED'", rs -> rs.getString(1) + " " + rs.getString(2)
                + (rs.getString(3).isEmpty() ? "" : " " + rs.getString(3) + " " + rs.getString(4)));
        return String.join(", ", columns);
    }

    /** The sharding key (or {@code replicated}) of each table, in file order. */
    /** Drops {@code database} and its shard-local twin from {@code server}, for a fresh start. */
    public static void drop(ClickHouse server, String database) throws SQLException {
        server.execute("DROP DATABASE IF EXISTS " + database);
        server.execute("DROP DATABASE IF EXISTS " + database + LOCAL_SUFFIX);
    }

    public static Map<String, String> shippedSharding() {
        Properties p = new Properties();
        try (InputStream in = DistributedSchema.class.getResourceAsStream("/db/distributed/sharding.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource /db/distributed/sharding.properties");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(t -> keys.put(t, p.getProperty(t).strip()));
        return keys;
    }
}
