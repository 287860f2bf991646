package org.cityvitals.store;

import org.cityvitals.stack.ClickHouseServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;

/**
 * One private ClickHouse server for all of store's tests, each test class in its own database. A server takes
 * seconds to stop, so one per class would dominate the test time; it is stopped when the test JVM exits.
 */
public final class TestClickHouse {

    private static ClickHouseServer server;

    private TestClickHouse() {}

    public static synchronized ClickHouseServer server() {
        if (server == null) {
            try {
                server = ClickHouseServer.start(Files.createTempDirectory("store-test-clickhouse"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** The platform's own user on the {@code default} database, for DDL and cross-database queries. */
    public static ClickHouse admin() {
        return new ClickHouse(server().jdbcUrl("default"));
    }

    /** A fresh, fully migrated database {@code db}; whatever a previous run left there is dropped first. */
    public static ClickHouse migrated(String db) throws SQLException {
        ClickHouse admin = admin();
        admin.execute("DROP DATABASE IF EXISTS " + db);
        new SchemaMigrator(admin, db).migrate();
        return new ClickHouse(server().jdbcUrl(db));
    }
}
