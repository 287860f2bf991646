package org.cityvitals.store.query;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code store} owns every ClickHouse statement: no other module's main code may hold SQL, so a schema change is
 * made in one module. Scans the Java sources of every sibling module for the statements ClickHouse runs.
 */
class SqlStaysInStoreTest {

    private static final Pattern SQL = Pattern.compile(
            "\\b(SELECT\\s+.+\\s+FROM|INSERT\\s+INTO|ALTER\\s+TABLE|CREATE\\s+(TABLE|DATABASE|VIEW|MATERIALIZED)"
                    + "|DROP\\s+(TABLE|DATABASE|PARTITION)|OPTIMIZE\\s+TABLE|TRUNCATE\\s+TABLE)\\b");

    @Test
    void noModuleButStoreHoldsClickHouseSql() throws IOException {
        List<String> offenders;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            offenders = modules.filter(m -> !m.getFileName().toString().equals("store"))
                    .map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(SqlStaysInStoreTest::javaFiles)
                    .flatMap(SqlStaysInStoreTest::sqlLines).toList();
        }
        assertThat(offenders).as("ClickHouse SQL outside store: move it to store.query and sql/*.sql").isEmpty();
    }

    @Test
    void thePatternFindsTheStatementsItLooksFor() {
        assertThat(SQL.matcher("\"SELECT alert_id FROM cityvitals.alert_events\"").find()).isTrue();
        assertThat(SQL.matcher("\"INSERT INTO \" + table").find()).isTrue();
        assertThat(SQL.matcher("// select the newest value from the map").find()).isFalse();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> sqlLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> SQL.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
