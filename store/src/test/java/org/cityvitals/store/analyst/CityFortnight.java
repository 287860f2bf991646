package org.cityvitals.store.analyst;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SqlScript;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.store.dimension.DimensionLoader;
import org.cityvitals.store.governance.ClearanceDatabases;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The database {@code cityvitals} filled with a generated fortnight of a city up to now: dimensions, 8 days of
 * 15-minute values of every indicator in every district, health scores, readings, incidents, alerts and alert
 * actions; and the clearance databases the analyst accounts open, made from it as {@code db migrate} makes them.
 * Loaded once per test JVM.
 */
final class CityFortnight {

    static final String DB = "cityvitals";
    private static final int STEP_SECONDS = 900;
    private static final int DAYS = 8;

    private static boolean loaded;

    private CityFortnight() {}

    static synchronized void ensureLoaded() throws SQLException {
        if (loaded) {
            return;
        }
        ClickHouse ch = TestClickHouse.migrated(DB);
        new DimensionLoader(ch, DB).load(Instant.now());
        long end = Instant.now().getEpochSecond() / STEP_SECONDS * STEP_SECONDS;
        SqlScript.run(ch, "/synthetic/indicator-values.sql", Map.of("db", DB, "end", String.valueOf(end),
                "step", String.valueOf(STEP_SECONDS), "windows", String.valueOf(DAYS * 86_400 / STEP_SECONDS),
                "indicators", "1000"));
        SqlScript.run(ch, "/synthetic/city-fortnight.sql", Map.of("db", DB));
        ClickHouse admin = TestClickHouse.admin();
        for (Clearance clearance : Clearance.values()) {
            admin.execute("DROP DATABASE IF EXISTS " + ClearanceDatabases.of(DB, clearance));
        }
        new ClearanceDatabases(admin, DB, Classification.loadDefault()).apply();
        loaded = true;
    }

    /** The read-only analyst account of a clearance on its own database, as the docs tell analysts to connect. */
    static ClickHouse asAnalyst(Clearance clearance, String urlOptions) {
        String user = "analyst_" + WireNames.of(clearance);
        return new ClickHouse(TestClickHouse.server().jdbcUrl(ClearanceDatabases.of(DB, clearance)) + urlOptions, user,
                ClickHouseServer.DEFAULT_CLEARANCE_PASSWORDS.get(user));
    }
}
