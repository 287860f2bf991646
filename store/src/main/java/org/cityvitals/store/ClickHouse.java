package org.cityvitals.store;

import org.cityvitals.store.table.TableMapping;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

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
    /** RowBinary encoders by table and column list: column types are read from the server once. */
    private final Map<String, RowBinary> encoders = new ConcurrentHashMap<>();

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

    /** Fails unless the server answers a trivial query: for health checks. */
    public void ping() throws SQLException {
        query("SELECT 1", rs -> rs.getInt(1));
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
     * Inserts rows in one batch request, sent as RowBinary: each value is encoded as the server declares its column
     * (types are looked up once per table). Values are in column order; instants as {@link java.sql.Timestamp} or
     * {@link java.time.Instant}, enums by name, null only in Nullable columns.
     *
     * @throws IllegalArgumentException naming the row, column and type when a value does not fit its column
     */
    public void insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        byte[] body = rowBinary(table, columns).encode(rows);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")";
            s.unwrap(ru.yandex.clickhouse.ClickHouseStatement.class)
                    .sendRowBinaryStream(sql, stream -> stream.writeBytes(body));
        }
    }

    private RowBinary rowBinary(String table, List<String> columns) throws SQLException {
        String key = table + " " + columns;
        RowBinary encoder = encoders.get(key);
        if (encoder == null) {
            Map<String, String> types = new HashMap<>();
            query("DESCRIBE TABLE " + table, rs -> types.put(rs.getString(1), rs.getString(2)));
            List<String> columnTypes = new ArrayList<>();
            for (String column : columns) {
                String type = types.get(column);
                if (type == null) {
                    throw new SQLException("table " + table + " has no column " + column + "; its columns: "
                            + types.keySet());
                }
                columnTypes.add(type);
            }
            encoder = new RowBinary(table, columns, columnTypes);
            encoders.put(key, encoder);
        }
        return encoder;
    }

    /** Inserts records into {@code database}'s table of {@code mapping}, in one batch request. */
    public <T> void insert(String database, TableMapping<T> mapping, List<T> records) throws SQLException {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (T record : records) {
            rows.add(mapping.insertRow(record));
        }
        insert(database + "." + mapping.table(), mapping.insertColumns(), rows);
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
