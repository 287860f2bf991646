package org.cityvitals.store;

import org.cityvitals.indicators.SchemaVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Applies the versioned schema in {@code db/migrations/} and records each version in {@code schema_version}.
 *
 * <p>Migrations are listed in {@code db/migrations/index.txt} (one file name per line, in order) so the set is read
 * from the classpath without directory listing. Every statement is idempotent ({@code IF NOT EXISTS}; an
 * {@code ADD COLUMN} whose column exists counts as applied, since 18.16 has no {@code ADD COLUMN IF NOT EXISTS}), so a
 * migration interrupted half-way is simply applied again. A recorded migration whose file has since changed is an
 * error: shipped migrations are never edited, a new one is added instead.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String DIR = "/db/migrations/";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    private final ClickHouse server;
    private final String database;
    private final UnaryOperator<String> rewrite;

    /**
     * @param server   a connection to the server's {@code default} database (the target may not exist yet)
     * @param database the database to create and migrate, {@code cityvitals} by default
     */
    public SchemaMigrator(ClickHouse server, String database) {
        this(server, database, UnaryOperator.identity());
    }

    /**
     * As {@link #SchemaMigrator(ClickHouse, String)}, passing each statement through {@code rewrite} before it runs
     * (a replicated cluster swaps the table engines); checksums stay those of the shipped files.
     */
    public SchemaMigrator(ClickHouse server, String database, UnaryOperator<String> rewrite) {
        this.server = server;
        this.database = database;
        this.rewrite = rewrite;
    }

    /** A migration file: its version, name, statements and checksum. */
    public record Migration(int version, String name, List<String> statements, String checksum) {}

    /** Applies every migration not yet recorded; returns the versions applied by this call. */
    public List<Integer> migrate() throws SQLException {
        return migrate(Integer.MAX_VALUE);
    }

    /** The same, up to and including {@code upToVersion}: an upgrade in steps, or a test of one migration. */
    public List<Integer> migrate(int upToVersion) throws SQLException {
        server.execute("CREATE DATABASE IF NOT EXISTS " + database);
        server.execute("CREATE TABLE IF NOT EXISTS " + database + ".schema_version ("
                + "version UInt32, name String, checksum String, applied_at DateTime DEFAULT now()) "
                + "ENGINE = MergeTree ORDER BY version");
        Map<Integer, String> applied = appliedChecksums();
        List<Integer> done = new ArrayList<>();
        for (Migration m : migrations()) {
            if (m.version() > upToVersion) {
                break;
            }
            String recorded = applied.get(m.version());
            if (recorded != null) {
                if (!recorded.equals(m.checksum())) {
                    throw new IllegalStateException("migration V" + m.version() + " (" + m.name() + ") changed "
                            + "after it was applied to " + database + "; add a new migration instead of editing it");
                }
                continue;
            }
            for (String statement : m.statements()) {
                apply(rewrite.apply(statement.replace("${db}", database)));
            }
            awaitMutations();
            server.execute("INSERT INTO " + database + ".schema_version (version, name, checksum) VALUES ("
                    + m.version() + ", '" + m.name() + "', '" + m.checksum() + "')");
            LOG.info("applied migration V{} {} to {}", m.version(), m.name(), database);
            done.add(m.version());
        }
        return done;
    }

    /** What rows written now record in their {@code schema_version}: the data standard's version. */
    public static final int CURRENT = SchemaVersion.CURRENT;

    private static final String COLUMN_EXISTS = "Code: 44,";
    private static final Duration MUTATION_TIMEOUT = Duration.ofMinutes(10);

    private void apply(String statement) throws SQLException {
        try {
            server.execute(statement);
        } catch (SQLException e) {
            boolean addsColumn = statement.contains(" ADD COLUMN ");
            if (!addsColumn || e.getMessage() == null || !e.getMessage().contains(COLUMN_EXISTS)) {
                throw e;
            }
            LOG.info("column already there, skipping: {}", statement);
        }
    }

    /**
     * Waits for the migration's mutations ({@code ALTER … DELETE/UPDATE}, which ClickHouse runs in the background) to
     * finish, so the next migration and the platform start on the migrated data.
     */
    private void awaitMutations() throws SQLException {
        long deadline = System.nanoTime() + MUTATION_TIMEOUT.toNanos();
        String pending = "SELECT count() FROM system.mutations WHERE database = '" + database + "' AND is_done = 0";
        while (server.query(pending, rs -> rs.getLong(1)).get(0) > 0) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("mutations of " + database + " still running after " + MUTATION_TIMEOUT
                        + "; see system.mutations");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for mutations of " + database, e);
            }
        }
    }

    /** Versions recorded in {@code schema_version}, with their checksums. */
    public Map<Integer, String> appliedChecksums() throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        server.query("SELECT version, any(checksum) FROM " + database + ".schema_version GROUP BY version",
                rs -> applied.put(rs.getInt(1), rs.getString(2)));
        return applied;
    }

    /** The shipped migrations, in order. */
    public static List<Migration> migrations() {
        List<Migration> list = new ArrayList<>();
        for (String file : resource("index.txt").split("\n")) {
            file = file.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            var m = FILE_NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("migration file name " + file + " does not match V000__name.sql");
            }
            String sql = resource(file);
            list.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), statements(sql), sha256(sql)));
        }
        return list;
    }

    /** Splits on semicolons that end a line; strips {@code --} comment lines. */
    static List<String> statements(String sql) {
        StringBuilder current = new StringBuilder();
        List<String> out = new ArrayList<>();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration ends without ';': " + current);
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
