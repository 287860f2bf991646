package org.cityvitals.store.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One query kept as a file under {@code sql/} on the classpath, so SQL reads as SQL and a reviewer finds every
 * statement the platform runs in one folder. {@code ${db}} stands for the platform's database; comment lines
 * ({@code --}) are dropped before sending, because the legacy JDBC driver decides how to read a result from the
 * statement's first word.
 */
final class SqlFile {

    private SqlFile() {}

    /** The statement in {@code sql/NAME.sql} for {@code database}. */
    static String load(String name, String database) {
        String path = "sql/" + name + ".sql";
        try (InputStream in = Objects.requireNonNull(SqlFile.class.getClassLoader().getResourceAsStream(path),
                () -> path + " is not on the classpath")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.stripLeading().startsWith("--"))
                    .collect(Collectors.joining("\n")).strip()
                    .replace("${db}", database);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
