package org.cityvitals.store;

import org.cityvitals.store.table.TableMapping;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The one place that knows which JDBC driver talks to ClickHouse.
 *
 * <p>Debian ships ClickHouse 18.16, which only the legacy {@code ru.yandex.clickhouse} driver understands, and only
 * with {@code compress=false}. A deployment on a current server swaps the driver here and nowhere else. The driver is
 * named explicitly: the same jar also registers a {@code com.clickhouse} driver that would win a plain
 * {@code DriverManager} lookup and fail against 18.16.
 */
public final class ClickHouse {

    private static final Driver DRIVER = new ru.yandex.clickhouse.ClickHouseDriver();

    private final String url;
    private final Properties credentials;

    /**
     * @param jdbcUrl  {@code jdbc:clickhouse://host:httpPort/database}
     * @param user     null for the server's default user
     * @param password null for none
     */
    public ClickHouse(String jdbcUrl, String user, String password) {
        this.url = withoutCompression(jdbcUrl);
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    public ClickHouse(String jdbcUrl) {
        this(jdbcUrl, null, null);
    }

    private static String withoutCompression(String jdbcUrl) {
        if (jdbcUrl.contains("compress=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "compress=false";
    }

    public String url() {
        return url;
    }

    /** A new connection; ClickHouse JDBC connections are stateless HTTP clients, so they are cheap. */
    public Connection connect() throws SQLException {
        Connection c = DRIVER.connect(url, credentials);
        if (c == null) {
            throw new SQLException("not a ClickHouse JDBC URL: " + url);
        }
        return c;
    }

    /** Runs one statement (18.16 accepts one statement per request). */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /**
     * Inserts rows in one batch request. Values are bound in column order; {@link java.time.Instant}s must be
     * passed as {@link java.sql.Timestamp}s.
     */
    public void insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    s.setObject(i + 1, row[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Inserts records into {@code database}'s table of {@code mapping}, in one batch request. */
    public <T> void insert(String database, TableMapping<T> mapping, List<T> records) throws SQLException {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (T record : records) {
            rows.add(mapping.row(record));
        }
        insert(database + "." + mapping.table(), mapping.columns(), rows);
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
