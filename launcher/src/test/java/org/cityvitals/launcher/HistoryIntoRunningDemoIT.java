package org.cityvitals.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.cli.Endpoints;
import org.cityvitals.store.ClickHouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * History replayed into the running demo, exactly as the README tells a new user: the demo on its default ports with
 * its live Shanghai simulator, the README's replay of the Beijing sample and the ingest README's replay of the NAB
 * taxi series (bring your own series). Every hourly Beijing PM2.5 value equals the mean computed here from the CSV;
 * no Shanghai window lies in the replayed range; backfill alerts are stored and none reaches a screen; the same replay
 * a second time leaves every table's FINAL content as it was; a replay over live data is refused.
 */
class HistoryIntoRunningDemoIT {

    private static final String DB = Endpoints.DATABASE;
    /** The Beijing sample's month, in UTC with a day's margin for the zone. */
    private static final Instant MARCH_2013 = Instant.parse("2013-02-28T00:00:00Z");
    private static final Instant APRIL_2013 = Instant.parse("2013-04-02T00:00:00Z");

    @TempDir
    static Path state;
    private static DemoStack demo;
    private static Vertx vertx;
    private static ClickHouse clickHouse;

    @BeforeAll
    static void startTheDemo() throws Exception {
        DemoOptions options = CommandLine.populateCommand(new DemoOptions(), "--state", state.toString(),
                "--data-dir", state.toString());
        options.validate();
        demo = DemoStack.start(options, new DemoState(state), new PrintWriter(System.out, true));
        clickHouse = new ClickHouse(Endpoints.CLICKHOUSE);
        vertx = Vertx.vertx();
        awaitReady();
    }

    @AfterAll
    static void stopTheDemo() throws Exception {
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void replayedHistoryLandsAsBackfillBesideTheLiveCity() throws Exception {
        ScreenClient ops = ScreenClient.open(vertx, 8080, "ops", "ops");
        ScreenClient beijing = ScreenClient.open(vertx, 8080, "beijing", "beijing");

        Run first = cityvitals(readmeCommand(Path.of("..", "README.md"), "./cityvitals replay --dataset beijing-aq"));
        assertThat(first.code()).as(first.output()).isZero();
        assertThat(first.output()).contains("backfill beijing-aq-", "queryable now");
        System.out.printf("the README's Beijing replay took %.1f s end to end%n", first.seconds());

        Map<String, double[]> expected = BeijingSample.hourlyPm25MeansFromCsv();
        Map<String, Double> stored = BeijingSample.storedHourlyPm25(clickHouse, DB);
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, acc) -> assertThat(stored.get(key)).as(key).isCloseTo(acc[0] / acc[1],
                within(1e-9)));
        assertThat(count("indicator_values", "startsWith(district, '31') AND window_start >= toDateTime(%d) "
                + "AND window_start < toDateTime(%d)")).as("Shanghai windows in March 2013").isZero();
        assertThat(count("health_scores", "startsWith(district, '31') AND window_start >= toDateTime(%d) "
                + "AND window_start < toDateTime(%d)")).as("Shanghai health in March 2013").isZero();
        assertThat(count("alert_events", "origin = 'backfill' AND startsWith(district, '110') "
                + "AND event_time >= toDateTime(%d) AND event_time < toDateTime(%d)")).as("backfill alerts")
                .isPositive();

        List<String> afterTheFirst = beijingContent();
        Set<String> alertsAfterTheFirst = beijingAlertRows();
        Run second = cityvitals(readmeCommand(Path.of("..", "README.md"), "./cityvitals replay --dataset beijing-aq"));
        assertThat(second.code()).as(second.output()).isZero();
        Set<String> changedAlerts = new TreeSet<>(beijingAlertRows());
        changedAlerts.removeAll(alertsAfterTheFirst);
        assertThat(beijingContent()).as("every table's FINAL content after the same replay again; alert rows new or "
                + "changed: " + changedAlerts).isEqualTo(afterTheFirst);

        Run nab = cityvitals(readmeCommand(Path.of("..", "ingest", "README.md"),
                "./cityvitals replay --dataset timeseries --file data/samples/nab_nyc_taxi.csv"));
        assertThat(nab.code()).as(nab.output()).isZero();
        assertThat(clickHouse.query("SELECT count() FROM " + DB + ".indicator_values FINAL WHERE indicator_id = "
                + "'generic.value' AND district = '36061' AND origin = 'backfill'", rs -> rs.getLong(1)).get(0))
                .as("half-hour windows of the taxi series").isEqualTo(10_320L);
        assertThat(clickHouse.query("SELECT count() FROM " + DB + ".alert_events FINAL WHERE rule = 'anomaly' "
                + "AND district = '36061' AND origin = 'backfill'", rs -> rs.getLong(1)).get(0)).isPositive();

        Thread.sleep(2000); // whatever was wrongly pushed has arrived by now
        for (ScreenClient screen : List.of(ops, beijing)) {
            assertThat(screen.alerts()).as("alerts pushed live").noneMatch(a -> "backfill".equals(a.getString("origin"))
                    || Instant.parse(a.getString("eventTime")).isBefore(Instant.parse("2020-01-01T00:00:00Z")));
        }
        assertThat(beijing.alerts()).extracting(a -> a.getString("district")).noneMatch(d -> d.startsWith("31"));
    }

    @Test
    void aReplayOverLiveDataOfTheSameCityIsRefused() throws Exception {
        awaitLiveShanghaiWindows();
        Path csv = state.resolve("recent-pm25.csv");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        Files.writeString(csv, "time,pm25\n" + format.format(now.minusMinutes(30)) + ",40\n"
                + format.format(now.minusMinutes(1)) + ",41\n");

        Run refused = cityvitals(List.of("replay", "--dataset", "timeseries", "--file", csv.toString(),
                "--time-column", "time", "--time-format", "yyyy-MM-dd HH:mm:ss", "--zone", "Asia/Shanghai",
                "--value-column", "pm25", "--metric", "pm25", "--district", "310101", "--sensor", "recent-pm25",
                "--max"));

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.output()).contains("where live processing already wrote", "Nothing was computed",
                "--allow-overlap");
        assertThat(count("indicator_values", "origin = 'backfill' AND startsWith(district, '31') "
                + "AND window_start >= toDateTime(%d) AND window_start < toDateTime(%d)",
                Instant.now().minus(Duration.ofHours(1)), Instant.now())).isZero();
    }

    @Test
    void anAdminStartsABackfillOverHttpAndFollowsItUntilItsResultsAreQueryable() throws Exception {
        JsonArray arguments = new JsonArray(ownSeries("36047"));
        String admin = token("admin");

        assertThat(call("POST", "/api/admin/backfills", token("ops"), new JsonObject().put("arguments", arguments))
                .statusCode()).as("an operator may not start backfills").isEqualTo(403);
        HttpResponse<String> elsewhere = call("POST", "/api/admin/backfills", admin, new JsonObject()
                .put("arguments", new JsonArray(List.of("--dataset", "beijing-aq", "--file", "/etc/passwd"))));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("data directory");
        HttpResponse<String> otherKafka = call("POST", "/api/admin/backfills", admin, new JsonObject()
                .put("arguments", arguments.copy().add("--kafka").add("elsewhere:9092")));
        assertThat(otherKafka.statusCode()).isEqualTo(400);
        assertThat(otherKafka.body()).contains("--kafka is the platform's");

        HttpResponse<String> queued = call("POST", "/api/admin/backfills", admin,
                new JsonObject().put("arguments", arguments));
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String location = queued.headers().firstValue("Location").orElseThrow();
        JsonObject status = new JsonObject(queued.body());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!List.of("succeeded", "failed").contains(status.getString("state"))) {
            assertThat(System.nanoTime()).as("the backfill finished: " + status.encode()).isLessThan(deadline);
            Thread.sleep(1000);
            status = new JsonObject(call("GET", location, admin, null).body());
        }
        assertThat(status.getString("state")).as(status.encode()).isEqualTo("succeeded");
        assertThat(status.getString("requestedBy")).isEqualTo("admin");
        assertThat(status.getString("progress")).contains("queryable now");
        assertThat(status.getJsonArray("output").getList()).anyMatch(line -> line.toString().contains("published"));
        assertThat(call("GET", "/api/admin/backfills/backfill-999", admin, null).statusCode()).isEqualTo(404);

        assertThat(ownSeriesWindows("36047")).containsExactlyElementsOf(OWN_SERIES);
    }

    @Test
    void aReplayThatDoesNotWaitLeavesItsBackfillRunningInAProcessOfItsOwn() throws Exception {
        List<String> args = new ArrayList<>(List.of("replay"));
        args.addAll(ownSeries("36005"));
        args.addAll(List.of("--no-wait", "--state", state.toString()));
        Run run = cityvitals(args);
        assertThat(run.code()).as(run.output()).isZero();
        Matcher started = Pattern.compile("runs on in process (\\d+); its log: (\\S+)").matcher(run.output());
        assertThat(started.find()).as(run.output()).isTrue();
        ProcessHandle backfill = ProcessHandle.of(Long.parseLong(started.group(1))).orElse(null);
        if (backfill != null) {
            backfill.onExit().get(5, TimeUnit.MINUTES);
        }
        assertThat(Files.readString(Path.of(started.group(2)))).contains("finished after");
        assertThat(ownSeriesWindows("36005")).containsExactlyElementsOf(OWN_SERIES);
    }

    /** Four hours of a series of one's own, every half hour (the generic indicator's windows are 30 minutes wide). */
    private static final List<Double> OWN_SERIES = List.of(3.0, 5.0, 4.0, 6.0, 8.0, 7.0, 9.0, 5.0);

    /** The replay arguments of {@link #OWN_SERIES} in a New York district other than the NAB series' Manhattan. */
    private static List<String> ownSeries(String district) throws Exception {
        Path csv = state.resolve("own-series-" + district + ".csv");
        StringBuilder rows = new StringBuilder("time,value\n");
        for (int i = 0; i < OWN_SERIES.size(); i++) {
            rows.append(String.format("2009-06-01 %02d:%02d:00,%s%n", i / 2, i % 2 * 30, OWN_SERIES.get(i)));
        }
        Files.writeString(csv, rows);
        return List.of("--dataset", "timeseries", "--file", csv.toString(), "--time-column", "time",
                "--time-format", "yyyy-MM-dd HH:mm:ss", "--zone", "America/New_York", "--value-column", "value",
                "--metric", "generic", "--district", district, "--sensor", "own-series-" + district, "--max");
    }

    /** New York is at UTC-4 in June; each 30-minute window holds one value of the file: its mean is that value. */
    private static List<Double> ownSeriesWindows(String district) throws Exception {
        return clickHouse.query("SELECT value FROM " + DB + ".indicator_values FINAL WHERE indicator_id = "
                + "'generic.value' AND district = '" + district + "' AND origin = 'backfill' AND window_start >= "
                + "toDateTime(" + Instant.parse("2009-06-01T04:00:00Z").getEpochSecond() + ") AND window_start < "
                + "toDateTime(" + Instant.parse("2009-06-01T08:00:00Z").getEpochSecond() + ") ORDER BY "
                + "window_start", rs -> rs.getDouble(1));
    }

    private static String token(String demoUser) throws Exception {
        HttpResponse<String> login = call("POST", "/api/login", null,
                new JsonObject().put("username", demoUser).put("password", demoUser));
        return new JsonObject(login.body()).getString("token");
    }

    private static HttpResponse<String> call(String method, String path, String token, JsonObject body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Run(int code, String output, double seconds) {}

    /** {@code ./cityvitals ARGS}, in this JVM (the script only starts this same Main). */
    private static Run cityvitals(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int code = Main.run(args, print, print);
        return new Run(code, out.toString(StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The arguments of the command in {@code readme} that starts with {@code prefix}, as the shell splits them (the
     * README's commands quote with single quotes only), run from the repository's root like the README says.
     */
    static List<String> readmeCommand(Path readme, String prefix) throws Exception {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int at = text.indexOf(prefix);
        assertThat(at).as(prefix + " in " + readme).isNotNegative();
        int end = text.indexOf('\n', at);
        String line = text.substring(at, end).replaceAll("`.*$", "");
        List<String> args = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(line.substring("./cityvitals ".length()));
        while (word.find()) {
            String arg = word.group(1) != null ? word.group(1) : word.group(2);
            args.add(arg.startsWith("data/") ? Path.of("..").resolve(arg).toString() : arg);
        }
        return args;
    }

    /**
     * Beijing's rows in every table a replay and its backfill write, after FINAL: a row count and a sum of row hashes
     * over every column a replay computes (the values' bits included), one line per table.
     */
    private static List<String> beijingContent() throws Exception {
        Map<String, String> columns = Map.of(
                "indicator_values", "indicator_id, district, window_start, window_end, value, samples, level, "
                        + "version, origin",
                "health_scores", "district, window_start, score, worst_level, version, origin",
                "alert_events", "alert_id, version, rule, indicator_id, district, kind, level, previous_level, "
                        + "value, threshold, event_time, since, audience, origin, message",
                "readings", "sensor_id, metric, district, observed_at, value, unit, coalesce(lat, -999), "
                        + "coalesce(lon, -999), quality, schema_version");
        List<String> content = new ArrayList<>();
        for (String table : List.of("readings", "indicator_values", "health_scores", "alert_events")) {
            content.add(table + " " + clickHouse.query("SELECT concat(toString(count()), ' rows, hash ', "
                    + "toString(sum(cityHash64(" + columns.get(table) + ")))) FROM " + DB + "." + table
                    + " FINAL WHERE startsWith(district, '110')", rs -> rs.getString(1)).get(0));
        }
        return content;
    }

    private static Set<String> beijingAlertRows() throws Exception {
        return new HashSet<>(clickHouse.query("SELECT concat(alert_id, ' v', toString(version), ' ', toString(kind), "
                + "' ', toString(level), ' at ', toString(event_time), ' since ', toString(since), ' ', message) FROM "
                + DB + ".alert_events FINAL WHERE startsWith(district, '110')", rs -> rs.getString(1)));
    }

    private static long count(String table, String where) throws Exception {
        return count(table, where, MARCH_2013, APRIL_2013);
    }

    private static long count(String table, String where, Instant from, Instant to) throws Exception {
        return clickHouse.query("SELECT count() FROM " + DB + "." + table + " WHERE "
                + String.format(where, from.getEpochSecond(), to.getEpochSecond()), rs -> rs.getLong(1)).get(0);
    }

    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            assertThat(System.nanoTime()).as("the demo's dashboard became ready").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitLiveShanghaiWindows() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (count("indicator_values", "origin = 'live' AND district = '310101' AND indicator_id = 'air.pm25' "
                + "AND window_start >= toDateTime(%d) AND window_start < toDateTime(%d)",
                Instant.now().minus(Duration.ofMinutes(30)), Instant.now()) == 0) {
            assertThat(System.nanoTime()).as("live PM2.5 windows of Huangpu stored").isLessThan(deadline);
            Thread.sleep(1000);
        }
    }
}
