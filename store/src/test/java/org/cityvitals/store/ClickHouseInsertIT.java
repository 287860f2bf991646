package org.cityvitals.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ClickHouse#insert(String, List, List)} writes RowBinary: every supported type round-trips exactly. */
class ClickHouseInsertIT {

    private static final List<String> COLUMNS = List.of("s", "f64", "f32", "u8", "i8", "u16", "i32", "u32", "i64",
            "u64", "t", "d", "e", "ns", "nt", "lc");
    private static ClickHouse ch;

    @BeforeAll
    static void createTable() throws SQLException {
        ch = TestClickHouse.admin();
        ch.execute("DROP TABLE IF EXISTS default.every_type");
        ch.execute("CREATE TABLE default.every_type (s String, f64 Float64, f32 Float32, u8 UInt8, i8 Int8, "
                + "u16 UInt16, i32 Int32, u32 UInt32, i64 Int64, u64 UInt64, t DateTime, d Date, "
                + "e Enum8('low' = -1, 'it''s high' = 5), ns Nullable(String), nt Nullable(DateTime), "
                + "lc LowCardinality(String)) ENGINE = MergeTree ORDER BY s");
    }

    @Test
    void everySupportedTypeRoundTrips() throws SQLException {
        String longUtf8 = "黄浦区 ".repeat(40);
        ch.insert("default.every_type", COLUMNS, List.<Object[]>of(
                new Object[] {longUtf8, -1.5, 2.25f, 255, -128, 65535, -7, 4_000_000_000L, -9_000_000_000L,
                        Long.MAX_VALUE, Timestamp.from(Instant.parse("2026-03-01T08:00:00Z")),
                        LocalDate.parse("2026-03-01"), "it's high", null, null, "pm25"},
                new Object[] {"b", 0.0, 0f, 0, 0, 0, 0, 0L, 0L, 0L, Instant.parse("1999-12-31T23:59:59Z"),
                        java.sql.Date.valueOf("1999-12-31"), "low", "µg/m³", Instant.parse("2026-01-01T00:00:00Z"),
                        "x"}));

        assertThat(ch.query("SELECT s, f64, f32, u8, i8, u16, i32, u32, i64, u64, toUnixTimestamp(t), toString(d), "
                        + "toString(e), ns, toUnixTimestamp(nt), lc FROM default.every_type ORDER BY s",
                rs -> {
                    String[] values = new String[COLUMNS.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getString(i + 1);
                    }
                    return Arrays.toString(values);
                })).containsExactly(
                "[b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 946684799, 1999-12-31, low, µg/m³, 1767225600, x]",
                "[" + longUtf8 + ", -1.5, 2.25, 255, -128, 65535, -7, 4000000000, -9000000000, "
                        + Long.MAX_VALUE + ", 1772352000, 2026-03-01, it's high, null, null, pm25]");
    }

    @Test
    void aValueThatDoesNotFitSaysWhereAndWhy() {
        Object[] row = {"a", 1.0, 1f, 1, 1, 1, 1, 1L, 1L, 1L, Instant.EPOCH, LocalDate.EPOCH, "medium", null, null,
                "x"};
        assertThatThrownBy(() -> ch.insert("default.every_type", COLUMNS, List.<Object[]>of(row)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write value 'medium' (String) of row 0 into default.every_type.e "
                        + "(Enum8('low' = -1, 'it\\'s high' = 5)): not one of");
        row[12] = "low";
        row[0] = null;
        assertThatThrownBy(() -> ch.insert("default.every_type", COLUMNS, List.<Object[]>of(row)))
                .hasMessage("cannot write value null of row 0 into default.every_type.s (String): null in a column "
                        + "that is not Nullable");
        assertThatThrownBy(() -> ch.insert("default.every_type", List.of("s", "colour"), List.<Object[]>of(
                new Object[] {"a", "red"}))).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("table default.every_type has no column colour; its columns: ");
    }
}
