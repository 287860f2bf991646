package org.cityvitals.launcher;

import io.vertx.core.Vertx;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * History replayed into the running demo, exactly as the README tells a new user: the demo on its default ports with
 * its live Shanghai simulator, the README's replay of the Beijing sample and the ingest README's replay of the NAB
 * taxi series (bring your own series). Every hourly Beijing PM2.5 value equals the mean computed here from the CSV;
 * no Shanghai window lies in the replayed range; backfill alerts are stored and none reaches a screen; a replay over
 * live data is refused.
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
        DemoOptions options = CommandLine.populateCommand(new DemoOptions(), "--state", state.toString());
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
