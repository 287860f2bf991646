package org.cityvitals.store.backup;

import org.cityvitals.store.ClickHouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Backup and restore of one database with the server's own means, as ClickHouse 18.16 offers them:
 * {@code ALTER TABLE … FREEZE} hard-links a consistent snapshot of every part into the server's {@code shadow/}
 * folder, which is copied into the backup beside each table's {@code CREATE} statement; a restore creates the tables
 * and views, copies the parts into each table's {@code detached/} folder and {@code ATTACH}es them (attaching does not
 * run materialized views, so rollups are restored as they were, not aggregated twice).
 *
 * <p>Runs on the server's host: it reads and writes the server's data folder, which the server reports itself
 * ({@code system.tables.data_path}). Layout of a backup folder: {@code backup.properties} (database, time, tables in
 * creation order), {@code schema/TABLE.sql}, {@code parts/TABLE/PART/}.
 */
public final class FrozenBackup {

    private final ClickHouse server;

    public FrozenBackup(ClickHouse server) {
        this.server = server;
    }

    /** What a backup or restore did. */
    public record Summary(String database, int tables, int parts, long rows) {}

    /** Backs up every table and view of {@code database} into the empty or new folder {@code target}. */
    public Summary backup(String database, Path target) throws SQLException, IOException {
        if (Files.exists(target) && !isEmpty(target)) {
            throw new IllegalArgumentException("backup folder " + target + " is not empty");
        }
        Files.createDirectories(target.resolve("schema"));
        // Tables before views, so a restore can create them in this order.
        List<String[]> tables = server.query("SELECT name, engine, data_path, create_table_query FROM system.tables"
                + " WHERE database = '" + database + "' ORDER BY engine = 'MaterializedView', name",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("database " + database + " has no tables on " + server.url());
        }
        int parts = 0;
        long rows = 0;
        List<String> names = new ArrayList<>();
        for (String[] t : tables) {
            String name = t[0];
            names.add(name);
            Files.writeString(target.resolve("schema/" + name + ".sql"), t[3]);
            if (!t[1].endsWith("MergeTree")) {
                continue; // views and Distributed tables hold no parts of their own
            }
            rows += server.query("SELECT count() FROM " + database + "." + name, rs -> rs.getLong(1)).get(0);
            Path root = serverRoot(Path.of(t[2]), database, name);
            server.execute("ALTER TABLE " + database + "." + name + " FREEZE");
            Path shadow = root.resolve("shadow").resolve(Files.readString(root.resolve("shadow/increment.txt")).strip());
            Path frozen = shadow.resolve("data").resolve(database).resolve(name);
            Path into = target.resolve("parts").resolve(name);
            Files.createDirectories(into);
            if (Files.isDirectory(frozen)) {
                try (Stream<Path> list = Files.list(frozen)) {
                    for (Path part : list.toList()) {
                        copyTree(part, into.resolve(part.getFileName()));
                        parts++;
                    }
                }
            }
            if (Files.exists(shadow)) {
                deleteTree(shadow); // the hard links are no longer needed once copied
            }
        }
        Properties p = new Properties();
        p.setProperty("database", database);
        p.setProperty("tables", String.join(",", names));
        p.setProperty("createdAt", Instant.now().toString());
        p.setProperty("server", server.url());
        p.setProperty("rows", String.valueOf(rows));
        try (var out = Files.newOutputStream(target.resolve("backup.properties"))) {
            p.store(out, "ClickHouse backup by FREEZE (CityVitals)");
        }
        return new Summary(database, names.size(), parts, rows);
    }

    /**
     * Restores a backup into its database on this server: creates the tables and views that do not exist, then
     * attaches every part. Restoring several backups of one database (the shards of a cluster) into one server
     * gathers all their rows.
     */
    public Summary restore(Path source) throws SQLException, IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(source.resolve("backup.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not a backup: no readable backup.properties", e);
        }
        String database = p.getProperty("database");
        server.execute("CREATE DATABASE IF NOT EXISTS " + database);
        int parts = 0;
        String[] tables = p.getProperty("tables").split(",");
        for (String name : tables) {
            String create = Files.readString(source.resolve("schema/" + name + ".sql"));
            server.execute(create.replaceFirst("^(CREATE|ATTACH) (TABLE|MATERIALIZED VIEW|VIEW) ",
                    "CREATE $2 IF NOT EXISTS "));
        }
        long rows = 0;
        for (String name : tables) {
            Path backedUp = source.resolve("parts").resolve(name);
            if (!Files.isDirectory(backedUp)) {
                continue;
            }
            String dataPath = server.query("SELECT data_path FROM system.tables WHERE database = '" + database
                    + "' AND name = '" + name + "'", rs -> rs.getString(1)).get(0);
            Path detached = Path.of(dataPath).resolve("detached");
            Files.createDirectories(detached);
            try (Stream<Path> list = Files.list(backedUp)) {
                for (Path part : list.sorted().toList()) {
                    copyTree(part, detached.resolve(part.getFileName()));
                    server.execute("ALTER TABLE " + database + "." + name + " ATTACH PART '" + part.getFileName()
                            + "'");
                    parts++;
                }
            }
            rows += server.query("SELECT count() FROM " + database + "." + name, rs -> rs.getLong(1)).get(0);
        }
        return new Summary(database, tables.length, parts, rows);
    }

    /** {@code …/ROOT/data/DB/TABLE/} → ROOT, the folder that also holds {@code shadow/}. */
    private static Path serverRoot(Path dataPath, String database, String table) {
        Path suffix = Path.of("data", database, table);
        if (!dataPath.endsWith(suffix)) {
            throw new IllegalStateException("unexpected data path " + dataPath + " for " + database + "." + table);
        }
        return dataPath.getRoot().resolve(dataPath.subpath(0, dataPath.getNameCount() - 3));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
