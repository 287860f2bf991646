package org.cityvitals.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Runs a classpath SQL file statement by statement (as migrations are split), filling in {@code ${name}}s. */
public final class SqlScript {

    private SqlScript() {}

    public static void run(ClickHouse ch, String resource, Map<String, String> variables) throws SQLException {
        for (String statement : statements(resource, variables)) {
            ch.execute(statement);
        }
    }

    /** The statements of a classpath SQL file with its {@code ${name}}s filled in, not run. */
    public static List<String> statements(String resource, Map<String, String> variables) {
        String sql;
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> v : variables.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (sql.contains("${")) {
            throw new IllegalArgumentException(resource + " has a variable not given in " + variables.keySet());
        }
        return SchemaMigrator.statements(sql);
    }
}
