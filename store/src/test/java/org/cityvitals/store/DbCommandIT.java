package org.cityvitals.store;

import org.cityvitals.indicators.cli.Cli;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DbCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void migrateAppliesEverythingOnceThenSaysUpToDate() throws SQLException {
        String url = TestClickHouse.server().jdbcUrl("default");
        TestClickHouse.admin().execute("DROP DATABASE IF EXISTS cli");

        assertThat(run("migrate", "--clickhouse", url, "--database", "cli")).isZero();
        assertThat(out()).startsWith("""
                applied V001 core to cli
                applied V002 readings_incidents to cli
                applied V003 indicator_rollups to cli
                applied V004 alert_actions to cli
                applied V005 dimensions to cli
                applied V006 city_codes_episodes_origin to cli
                applied V007 alert_action_resolve to cli
                applied V008 notification_deliveries to cli
                applied V009 situation_responses to cli
                applied V010 audit_log to cli
                applied V011 platform_users to cli
                applied V012 maintenance_windows to cli
                applied V013 work_orders to cli
                applied V014 incident_personal_details to cli
                applied V015 handover_notes to cli
                loaded dimensions into cli: dim_districts=""");

        assertThat(run("migrate", "--clickhouse", url, "--database", "cli")).isZero();
        assertThat(out()).startsWith("cli is already up to date (schema version 15)\n"
                + "loaded dimensions into cli: dim_districts=");
        assertThat(TestClickHouse.admin().query("SELECT count() FROM cli.schema_version", rs -> rs.getLong(1)))
                .containsExactly(15L);
        // each load of the catalogue is in the audit log: who ran it, and what it changed
        assertThat(TestClickHouse.admin().query("SELECT actor, action, target, detail FROM cli.audit_log "
                        + "ORDER BY at, detail", rs -> rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getString(3) + "|" + rs.getString(4)))
                .hasSize(2)
                .allMatch(e -> e.startsWith("cli:" + System.getProperty("user.name") + "|catalogue_loaded|cli|"))
                .anyMatch(e -> e.contains("migrations applied: 15; clearance changes: cli_open.indicator_values "
                        + "created for clearance open"))
                .anyMatch(e -> e.endsWith("migrations applied: 0; clearance changes: none"));
    }

    @Test
    void retentionOnAnEmptyDatabaseDropsNothingAndSaysSo() throws SQLException {
        TestClickHouse.migrated("cli_retention");

        assertThat(run("retention", "--clickhouse", TestClickHouse.server().jdbcUrl("default"), "--database",
                "cli_retention", "--keep", "readings=7")).isZero();
        assertThat(out()).isEqualTo("no partition of cli_retention is past its retention (alert_actions=forever, "
                + "alert_events=forever, health_scores=35d, incidents=forever, indicator_values=35d, "
                + "indicator_values_daily=forever, indicator_values_hourly=400d, readings=7d)\n"
                + "cli_retention.incidents: lat, lon, details, caller cleared older than 180 days\n");
    }

    @Test
    void forgetClearsOneCasesLocationAndRecordsWhoAskedForItOrRefusesABadRequest() throws SQLException {
        TestClickHouse.migrated("cli_forget").execute("INSERT INTO cli_forget.incidents (id, source, category, "
                + "district, priority, status, reported_at, lat, lon) VALUES ('case-1', '12345', 'noise', '310101', 3, "
                + "'reported', now(), 31.2, 121.5)");
        String url = TestClickHouse.server().jdbcUrl("default");

        assertThat(run("forget", "--clickhouse", url, "--database", "cli_forget", "--table", "incidents", "--id",
                "case-1")).isZero();
        assertThat(out()).isEqualTo("cli_forget.incidents: lat, lon, details, caller cleared of incidents case-1\n");
        assertThat(TestClickHouse.admin().query("SELECT actor, action, target FROM cli_forget.audit_log",
                rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)))
                .containsExactly("cli:" + System.getProperty("user.name") + "|personal_data_forgotten|incidents case-1");

        assertThat(run("forget", "--clickhouse", url, "--database", "cli_forget", "--table", "readings", "--id",
                "x")).isEqualTo(2);
        assertThat(err()).contains("db forget: table readings holds no personal information; tables that do: "
                + "incidents");
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("Usage: db").contains("migrate").contains("retention").contains("dimensions");
        assertThat(run("migrat")).isEqualTo(2);
        assertThat(err()).contains("Unmatched argument at index 0: 'migrat'").contains("Did you mean: db migrate");
        assertThat(run("migrate", "--keep", "readings=7")).isEqualTo(2);
        assertThat(err()).contains("Unknown options: '--keep', 'readings=7'");
        assertThat(run("retention", "--database")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter for option '--database'");
        assertThat(run("retention", "--keep", "readings=soon")).isEqualTo(2);
        assertThat(err()).contains("retention entry 'readings=soon': days must be a positive whole number or "
                + "'forever'");
    }

    @Test
    void anUnreachableServerExitsWithOneNamingIt() {
        assertThat(run("migrate", "--clickhouse", "jdbc:clickhouse://127.0.0.1:1/default")).isEqualTo(1);
        assertThat(out()).startsWith("db migrate failed against "
                + "jdbc:clickhouse://127.0.0.1:1/default?compress=false (database cityvitals): ");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(new DbCommand(), args, new PrintWriter(out), new PrintWriter(err));
    }

    private String out() {
        return out.toString();
    }

    private String err() {
        return err.toString();
    }
}
