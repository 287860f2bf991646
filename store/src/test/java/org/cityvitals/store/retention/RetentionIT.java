package org.cityvitals.store.retention;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention against real partitions: rows are written at chosen ages, then a policy is applied at a fixed now. */
class RetentionIT {

    private static final String DB = "retention";
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

    ClickHouse ch;

    @BeforeEach
    void freshDatabaseWithRowsOfManyAges() throws SQLException {
        ch = TestClickHouse.migrated(DB);
        // readings keep 14 days: the cutoff is 2026-03-06 10:00, so 03-05 is past it and 03-06 is not.
        insertReading("2026-03-05 23:59:00");
        insertReading("2026-03-06 00:00:00");
        insertReading("2026-03-20 09:59:00");
        // indicator values keep 35 days (cutoff 2026-02-13 10:00); the hourly rollup 400 days (cutoff 2025-02-13
        // 10:00), whole months at a time; the daily rollup forever.
        insertIndicatorValue("2025-01-15 12:00:00");
        insertIndicatorValue("2025-02-10 12:00:00");
        insertIndicatorValue("2026-02-12 12:00:00");
        insertIndicatorValue("2026-02-13 12:00:00");
        ch.execute("INSERT INTO alert_events (alert_id, version, rule, indicator_id, district, kind, level, "
                + "previous_level, value, threshold, event_time, message) VALUES ('a-1', 1, 'level', 'air.pm25', "
                + "'310101', 'opened', 'red', 'normal', 300, 250, '2020-01-01 00:00:00', 'old alert')");
    }

    @Test
    void dropsExactlyThePartitionsPastTheirTablesRetention() throws SQLException {
        List<String> dropped = new Retention(ch, DB, RetentionPolicy.defaults()).apply(NOW);

        assertThat(dropped).containsExactly(
                "retention.indicator_values 20250115",
                "retention.indicator_values 20250210",
                "retention.indicator_values 20260212",
                "retention.indicator_values_hourly 202501",
                "retention.readings 20260305");
        assertThat(partitions("readings")).containsExactly("20260306", "20260320");
        assertThat(partitions("indicator_values")).containsExactly("20260213");
        assertThat(partitions("indicator_values_hourly")).containsExactly("202502", "202602");
        assertThat(partitions("indicator_values_daily")).containsExactly("202501", "202502", "202602");
        assertThat(partitions("alert_events")).containsExactly("202001");
        assertThat(ch.query("SELECT count() FROM readings", rs -> rs.getLong(1))).containsExactly(2L);
    }

    @Test
    void sparingRecentWritesKeepsReplayedHistoryJustWritten() throws SQLException {
        Retention sparing = new Retention(ch, DB, RetentionPolicy.defaults()).sparingRecentWrites();

        assertThat(sparing.apply(NOW)).isEmpty(); // every partition above was written moments ago
        assertThat(sparing.apply(Instant.now().plus(java.time.Duration.ofDays(400)))).contains(
                "retention.readings 20260305", "retention.indicator_values 20250115");
    }

    @Test
    void runningAgainDropsNothingMore() throws SQLException {
        Retention retention = new Retention(ch, DB, RetentionPolicy.defaults());
        retention.apply(NOW);

        assertThat(retention.apply(NOW)).isEmpty();
    }

    @Test
    void aConfiguredPolicyOverridesTheDefaults() throws SQLException {
        RetentionPolicy policy = RetentionPolicy.parse("readings=forever, alert_events=365, indicator_values=420");

        assertThat(new Retention(ch, DB, policy).apply(NOW)).containsExactly(
                "retention.alert_events 202001",
                "retention.indicator_values 20250115",
                "retention.indicator_values_hourly 202501");
    }

    @Test
    void badPoliciesSayWhatIsWrong() {
        assertThatThrownBy(() -> RetentionPolicy.parse("reading=7")).hasMessage("no retention for unknown table "
                + "'reading'; known tables: alert_actions, alert_events, health_scores, incidents, indicator_values, "
                + "indicator_values_daily, indicator_values_hourly, readings");
        assertThatThrownBy(() -> RetentionPolicy.parse("readings=0")).hasMessage("retention entry 'readings=0': days "
                + "must be a positive whole number or 'forever'");
        assertThatThrownBy(() -> RetentionPolicy.parse("readings")).hasMessage("retention entry 'readings' is not "
                + "table=days");
        assertThatThrownBy(() -> Retention.end("cityvitals.dim_levels", "tuple()")).hasMessage("cannot apply "
                + "retention to cityvitals.dim_levels: partition 'tuple()' is not a day (toYYYYMMDD) or a month "
                + "(toYYYYMM), so its age is unknown");
        assertThat(RetentionPolicy.defaults().with("readings", 7).toString()).isEqualTo("alert_actions=forever, "
                + "alert_events=forever, health_scores=35d, incidents=forever, indicator_values=35d, "
                + "indicator_values_daily=forever, indicator_values_hourly=400d, readings=7d");
    }

    private void insertReading(String observedAt) throws SQLException {
        ch.execute("INSERT INTO readings (sensor_id, metric, district, observed_at, value, unit, quality) VALUES "
                + "('sh-310101-pm25-01', 'pm25', '310101', '" + observedAt + "', 40, 'µg/m³', 'good')");
    }

    private void insertIndicatorValue(String windowStart) throws SQLException {
        ch.execute("INSERT INTO indicator_values (indicator_id, district, window_start, window_end, value, samples, "
                + "level, version) VALUES ('air.pm25', '310101', '" + windowStart + "', toDateTime('" + windowStart
                + "') + 60, 40, 4, 'blue', 1)");
    }

    private List<String> partitions(String table) throws SQLException {
        return ch.query("SELECT DISTINCT partition FROM system.parts WHERE database = ? AND table = ? AND active "
                + "ORDER BY partition", rs -> rs.getString(1), DB, table);
    }
}
