package org.cityvitals.store;

import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.testing.SharedStack;

import java.sql.SQLException;

/** The shared test stack's ClickHouse server as store's tests use it: each test class in its own database. */
public final class TestClickHouse {

    private TestClickHouse() {}

    public static ClickHouseServer server() {
        return SharedStack.get().clickHouse();
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
