package org.cityvitals.store.retention;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.store.governance.ClearanceDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal information on the real server: incidents' exact locations, the caller's own words and who called
 * (personal_location, free_text and caller in classification.yaml) are cleared once past their retention and on
 * request, in the platform's table and in the sensitive clearance's copy (the internal copy never had them), while
 * every other column of the case stays.
 */
class PersonalDataIT {

    private static final String DB = "personal_data";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String SENSITIVE = ClearanceDatabases.of(DB, Clearance.SENSITIVE);
    private static ClickHouse admin;
    private static PersonalData personal;

    @BeforeAll
    static void cases() throws SQLException {
        admin = TestClickHouse.admin();
        for (Clearance clearance : Clearance.values()) {
            admin.execute("DROP DATABASE IF EXISTS " + ClearanceDatabases.of(DB, clearance));
        }
        ClickHouse platform = TestClickHouse.migrated(DB);
        new ClearanceDatabases(admin, DB, Classification.loadDefault()).apply();
        // as a channel that carries the caller and their words writes a case (the views copy it on insert)
        platform.execute("INSERT INTO " + DB + ".incidents (id, source, category, subcategory, district, priority, "
                + "status, reported_at, lat, lon, details, caller) VALUES "
                + personalCase("pi-old", NOW.minus(181, ChronoUnit.DAYS)) + ", "
                + personalCase("pi-recent", NOW.minus(179, ChronoUnit.DAYS)) + ", "
                + personalCase("pi-asked", NOW.minus(1, ChronoUnit.DAYS)));
        personal = new PersonalData(admin, DB, Classification.loadDefault());
    }

    @Test
    void personalDetailPastTheRetentionAndOnRequestIsClearedEverywhereTheRestStays() throws Exception {
        assertThat(personal.expire(NOW, 180)).containsExactly(
                DB + ".incidents: lat, lon, details, caller cleared older than 180 days",
                SENSITIVE + ".incidents: lat, lon, details, caller cleared older than 180 days");
        assertThat(personal.forget("incidents", "pi-asked")).containsExactly(
                DB + ".incidents: lat, lon, details, caller cleared of incidents pi-asked",
                SENSITIVE + ".incidents: lat, lon, details, caller cleared of incidents pi-asked");
        for (String db : List.of(DB, SENSITIVE)) {
            // ALTER … UPDATE is a background mutation
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!personal(db).equals(List.of("pi-recent")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(personal(db)).as("cases still holding personal detail in %s", db)
                    .containsExactly("pi-recent");
            assertThat(admin.query("SELECT details, caller FROM " + db + ".incidents WHERE id = 'pi-recent'",
                    rs -> rs.getString(1) + " / " + rs.getString(2)))
                    .containsExactly("the cellar is flooding, my mother cannot get out / 13800000000");
            assertThat(admin.query("SELECT id, category, district FROM " + db + ".incidents ORDER BY id",
                    rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)))
                    .containsExactly("pi-asked/noise/310101", "pi-old/noise/310101", "pi-recent/noise/310101");
        }
    }

    @Test
    void aRequestNamingNoPersonalTableOrABadIdIsRefusedWithTheReason() {
        assertThatThrownBy(() -> personal.forget("readings", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table readings holds no personal information; tables that do: incidents");
        assertThatThrownBy(() -> personal.forget("incidents", "x' OR 1 = 1 --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a record id: 'x' OR 1 = 1 --' (letters, digits, : . _ - only)");
    }

    @Test
    void theInternalCopyNeverHoldsThePersonalColumns() throws Exception {
        assertThat(admin.query("SELECT name FROM system.columns WHERE database = ? AND table = 'incidents'",
                rs -> rs.getString(1), ClearanceDatabases.of(DB, Clearance.INTERNAL)))
                .contains("id", "category", "district").doesNotContain("lat", "lon", "details", "caller");
    }

    private static List<String> personal(String db) throws SQLException {
        return admin.query("SELECT id FROM " + db + ".incidents WHERE lat IS NOT NULL OR lon IS NOT NULL "
                + "OR details IS NOT NULL OR caller IS NOT NULL ORDER BY id", rs -> rs.getString(1));
    }

    private static String personalCase(String id, Instant reported) {
        return "('" + id + "', '12345', 'noise', '', '310101', 3, 'reported', toDateTime(" + reported.getEpochSecond()
                + "), 31.2304, 121.4737, 'the cellar is flooding, my mother cannot get out', '13800000000')";
    }
}
