package org.cityvitals.store;

import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.store.table.IndicatorValueTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hourly and daily views roll up indicator values as they are written, corrections included (see V003). */
class RollupViewIT {

    private static final String DB = "rollups";
    private static final String COLUMNS = "uniqExactMerge(windows), avgMerge(value_avg), maxMerge(value_max), "
            + "argMaxMerge(value_last), maxMerge(worst_level), sumMerge(samples)";

    static ClickHouse ch;

    @BeforeAll
    static void writeValuesAndACorrection() throws SQLException {
        ch = TestClickHouse.migrated(DB);
        ch.insert(DB, new IndicatorValueTable(Origin.LIVE), List.of(
                value("08:00", 10, Level.NORMAL, 1),
                value("08:01", 30, Level.BLUE, 1),
                value("09:00", 50, Level.YELLOW, 1)));
        ch.insert(DB, new IndicatorValueTable(Origin.LIVE), List.of(value("08:01", 20, Level.NORMAL, 2)));
    }

    @Test
    void hourlyRollupCountsWindowsExactlyAndKeepsTheCorrectedLastValue() throws SQLException {
        assertThat(ch.query("SELECT toString(hour), " + COLUMNS + " FROM indicator_values_hourly "
                + "GROUP BY hour ORDER BY hour", RollupViewIT::row)).containsExactly(
                // 08:00 holds 10, 30 and its correction 20: avg and max still see the superseded 30 (documented)
                "2026-03-01 08:00:00 windows=2 avg=20.0 max=30.0 last=20.0 worst=blue samples=30",
                "2026-03-01 09:00:00 windows=1 avg=50.0 max=50.0 last=50.0 worst=yellow samples=10");
    }

    @Test
    void dailyRollupCoversTheUtcDay() throws SQLException {
        assertThat(ch.query("SELECT toString(day), " + COLUMNS + " FROM indicator_values_daily GROUP BY day",
                RollupViewIT::row)).containsExactly(
                "2026-03-01 windows=3 avg=27.5 max=50.0 last=50.0 worst=yellow samples=40");
    }

    private static String row(java.sql.ResultSet rs) throws SQLException {
        return rs.getString(1) + " windows=" + rs.getLong(2) + " avg=" + rs.getDouble(3) + " max=" + rs.getDouble(4)
                + " last=" + rs.getDouble(5) + " worst=" + rs.getString(6) + " samples=" + rs.getLong(7);
    }

    private static IndicatorValue value(String time, double value, Level level, long version) {
        Instant start = Instant.parse("2026-03-01T" + time + ":00Z");
        return new IndicatorValue("air.pm25", "310101", start, start.plusSeconds(60), value, 10, level, version);
    }
}
