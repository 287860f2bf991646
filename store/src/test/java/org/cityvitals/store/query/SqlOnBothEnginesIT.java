package org.cityvitals.store.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.SqlScript;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.store.analyst.AnalystGuide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement the platform ships or documents runs on ClickHouse 18.16 (Debian's, the shared test server) and on
 * a current release (26.5): each migration statement, a few rows of fixture data, every query file under
 * {@code sql/} (its {@code ?}s bound to example arguments), and every example query of docs/ANALYSTS.md as written.
 * Both engines run the same text in the same order against their own fresh database, and a query must return the
 * same number of rows on both, so an engine that reads a query differently shows up as well as one that refuses it.
 *
 * <p>The current release is chdb's {@code libchdb.so} (ClickHouse embedded as a C library, npm package
 * {@code @chdb/lib-linux-x64-gnu}), not a server: only 18.16 is packaged for this machine. Java 17 can call a C API
 * only through JNI, which would mean compiling and shipping glue code (the foreign-function API is final only from
 * Java 22), whereas python3's ctypes calls it directly. So {@code src/test/python/run_on_current_clickhouse.py} drives
 * the library: the test writes the statements to it as JSON and reads back one result per statement. The script
 * fetches the library with {@code npm pack} on first use into {@code ~/.cache/cityvitals/chdb/26.5.3} (166 MB download,
 * kept across {@code mvn clean} and worktrees); {@code ./cityvitals test} installs python3 and npm.
 */
class SqlOnBothEnginesIT {

    private static final String DB = "sql_both_engines";
    private static final Path SCRIPT = Path.of("src", "test", "python", "run_on_current_clickhouse.py");
    private static final Path LIBRARY_CACHE = Path.of(System.getProperty("user.home"), ".cache", "cityvitals", "chdb");
    private static final Duration CURRENT_ENGINE_TIMEOUT = Duration.ofMinutes(10);
    private static final long NOW = Instant.now().getEpochSecond();
    private static final int STEP_SECONDS = 900;

    /**
     * Arguments for the {@code ?}s of each query file, in order, of the types its Java caller passes: a query file
     * without an entry here fails the test, so a new one cannot slip past.
     */
    private static final Map<String, List<Object>> QUERY_ARGUMENTS = Map.ofEntries(
            Map.entry("accounts/users", List.of()),
            Map.entry("alerts/actions", List.of("air.pm25:310101:1")),
            Map.entry("alerts/actions-changed-since", List.of(NOW - 86_400, NOW - 86_400)),
            Map.entry("alerts/actions-on-open-alerts", List.of()),
            Map.entry("alerts/open-alerts", List.of()),
            Map.entry("alerts/transitions", List.of("air.pm25:310101:1")),
            Map.entry("alerts/transitions-changed-since", List.of(NOW - 86_400)),
            Map.entry("audit/entries", List.of(NOW - 86_400, NOW, 100)),
            Map.entry("catalogue/freshness", List.of(NOW - 86_400, NOW - 86_400, NOW - 86_400)),
            Map.entry("backfill/live-rows-in-range", List.of("310000,310101,310115", NOW - 86_400, NOW)),
            Map.entry("backfill/stored-results", List.of("310000,310101", NOW - 86_400, NOW, "310000,310101",
                    NOW - 86_400, NOW, "310000,310101", NOW - 86_400, NOW, "310000,310101", NOW - 86_400, NOW)),
            Map.entry("backfill/progress", List.of("310000,310101", NOW - 86_400, NOW, "310000,310101",
                    NOW - 86_400, NOW, "310000,310101", NOW - 86_400, NOW, "310000,310101", NOW - 86_400, NOW)),
            Map.entry("history/health-scores", List.of("310101", NOW - 86_400, NOW)),
            Map.entry("history/indicator-values", List.of("air.pm25", "310101", NOW - 86_400, NOW)),
            Map.entry("open/hourly-values", List.of("air.pm25", "310101", NOW - 86_400, NOW)),
            Map.entry("situation/deliveries", List.of("sit-310101-rainstorm-1782885600")),
            Map.entry("situation/response-times", List.of(NOW - 86_400, NOW, "310101,310115")),
            Map.entry("situation/responses-acted", List.of(NOW - 3_600, NOW, NOW - 3_600, NOW, NOW - 3_600, NOW, NOW)),
            Map.entry("situation/maintenance-windows", List.of(NOW - 86_400)),
            Map.entry("situation/response-indicators-written",
                    List.of("operations.time_to_acknowledge,operations.time_to_resolve", NOW)),
            Map.entry("report/worst-indicators", List.of(NOW - 86_400, NOW, "310101,310115")),
            Map.entry("situation/work-order", List.of("order-1")),
            Map.entry("situation/handover-notes", List.of("310101,310115", NOW - 86_400, 50)),
            Map.entry("situation/work-orders", List.of("sit-310101-rainstorm-1782885600")),
            Map.entry("screen/alert-episodes", List.of("air.pm25", "310101", NOW, NOW - 86_400)),
            Map.entry("screen/incidents-per-hour", List.of(NOW - 86_400, NOW, "310101,310115")),
            Map.entry("screen/rising-hotline-categories",
                    List.of(NOW - 3_600, NOW - 3_600, NOW - 90_000, NOW, "310101,310115")));

    record Statement(String name, String sql) {
        boolean isQuery() {
            return sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
        }
    }

    /** What one engine said to one statement: an error, or the number of rows a query returned. */
    record Outcome(String error, int rows) {}

    private static final List<Statement> STATEMENTS = new ArrayList<>();
    private static final Map<String, Outcome> ON_18_16 = new LinkedHashMap<>();
    private static final Map<String, Outcome> ON_CURRENT = new LinkedHashMap<>();
    private static String currentVersion;

    @BeforeAll
    static void runEverythingOnBothEngines() throws Exception {
        STATEMENTS.addAll(migrationStatements());
        STATEMENTS.addAll(fixtureStatements());
        STATEMENTS.addAll(queryFileStatements());
        AnalystGuide.examples().forEach(e -> STATEMENTS.add(new Statement("ANALYSTS.md: " + e.heading(), e.sql())));
        runOn1816();
        runOnCurrent();
    }

    @TestFactory
    Stream<DynamicTest> everyStatementRunsOnBothEngines() {
        assertThat(STATEMENTS.stream().filter(s -> s.name().startsWith("ANALYSTS.md"))).hasSizeGreaterThanOrEqualTo(12);
        return STATEMENTS.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Outcome old = ON_18_16.get(s.name());
            Outcome current = ON_CURRENT.get(s.name());
            assertThat(old.error()).as("ClickHouse 18.16 on %s", s.sql()).isNull();
            assertThat(current.error()).as("ClickHouse %s on %s", currentVersion, s.sql()).isNull();
            assertThat(current.rows()).as("rows on ClickHouse %s and on 18.16 of %s", currentVersion, s.sql())
                    .isEqualTo(old.rows());
        }));
    }

    private static List<Statement> migrationStatements() {
        List<Statement> statements = new ArrayList<>();
        for (SchemaMigrator.Migration m : SchemaMigrator.migrations()) {
            for (int i = 0; i < m.statements().size(); i++) {
                statements.add(new Statement("V%03d %s, statement %d".formatted(m.version(), m.name(), i + 1),
                        m.statements().get(i).replace("${db}", DB)));
            }
        }
        return statements;
    }

    /** Dimensions, then the generated fortnight the analyst tests use, scaled down to a day. */
    private static List<Statement> fixtureStatements() {
        List<Statement> statements = new ArrayList<>();
        Map<String, Map<String, String>> scripts = new LinkedHashMap<>();
        scripts.put("/engines/dimensions.sql", Map.of("db", DB));
        // the windows end 14 minutes after NOW, not on a quarter hour before it: a query on "now() - INTERVAL 24
        // HOUR" then counts the same windows on both engines for 14 minutes, however long the first engine takes
        // (with a quarter-hour end, a boundary passing between the two engines' runs dropped a window on one)
        scripts.put("/synthetic/indicator-values.sql", Map.of("db", DB, "end", String.valueOf(NOW + STEP_SECONDS - 60),
                "step", String.valueOf(STEP_SECONDS), "windows", "96", "indicators", "1000"));
        scripts.put("/synthetic/city-fortnight.sql", Map.of("db", DB));
        scripts.forEach((resource, variables) -> {
            List<String> sql = SqlScript.statements(resource, variables);
            for (int i = 0; i < sql.size(); i++) {
                statements.add(new Statement("fixture " + resource + ", statement " + (i + 1), sql.get(i)));
            }
        });
        return statements;
    }

    private static List<Statement> queryFileStatements() throws IOException {
        List<String> names = QueryFileNames.all();
        assertThat(names).as("query files under %s", QueryFileNames.DIR).isNotEmpty();
        assertThat(QUERY_ARGUMENTS.keySet()).as("query files given example arguments")
                .containsExactlyInAnyOrderElementsOf(names);
        return names.stream().map(name -> new Statement("sql/" + name + ".sql",
                bind(SqlFile.load(name, DB), QUERY_ARGUMENTS.get(name), name))).toList();
    }

    /** The statement with each {@code ?} outside a string literal replaced by an argument, as the JDBC driver does. */
    static String bind(String sql, List<Object> arguments, String name) {
        StringBuilder out = new StringBuilder();
        boolean inLiteral = false;
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                inLiteral = !inLiteral;
            }
            if (c == '?' && !inLiteral) {
                assertThat(next).as("arguments for %s", name).isLessThan(arguments.size());
                out.append(literal(arguments.get(next++)));
            } else {
                out.append(c);
            }
        }
        assertThat(next).as("placeholders in %s", name).isEqualTo(arguments.size());
        return out.toString();
    }

    private static String literal(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void runOn1816() throws SQLException {
        TestClickHouse.admin().execute("DROP DATABASE IF EXISTS " + DB);
        TestClickHouse.admin().execute("CREATE DATABASE " + DB);
        ClickHouse ch = new ClickHouse(TestClickHouse.server().jdbcUrl(DB));
        for (Statement s : STATEMENTS) {
            try {
                if (s.isQuery()) {
                    ON_18_16.put(s.name(), new Outcome(null, ch.query(s.sql(), rs -> 1).size()));
                } else {
                    ch.execute(s.sql());
                    ON_18_16.put(s.name(), new Outcome(null, 0));
                }
            } catch (SQLException e) {
                ON_18_16.put(s.name(), new Outcome(e.getMessage(), 0));
            }
        }
    }

    private static void runOnCurrent() throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> request = Map.of("database", DB, "statements", STATEMENTS);
        Process python = new ProcessBuilder("python3", SCRIPT.toString(), LIBRARY_CACHE.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var stdin = python.getOutputStream()) {
            json.writeValue(stdin, request);
        }
        byte[] answer;
        try (InputStream stdout = python.getInputStream()) {
            answer = stdout.readAllBytes();
        }
        assertThat(python.waitFor(CURRENT_ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("%s finished within %s", SCRIPT, CURRENT_ENGINE_TIMEOUT).isTrue();
        assertThat(python.exitValue()).as("exit code of %s (its errors are above)", SCRIPT).isZero();
        JsonNode reply = json.readTree(new String(answer, StandardCharsets.UTF_8));
        currentVersion = reply.get("version").asText();
        for (JsonNode r : reply.get("results")) {
            ON_CURRENT.put(r.get("name").asText(),
                    new Outcome(r.get("error").isNull() ? null : r.get("error").asText(), r.get("rows").asInt()));
        }
        assertThat(ON_CURRENT.keySet()).as("statements answered by %s", SCRIPT)
                .containsExactlyElementsOf(STATEMENTS.stream().map(Statement::name).collect(Collectors.toList()));
    }
}
